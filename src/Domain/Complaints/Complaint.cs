using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints.Events;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Domain.Complaints;

/// <summary>
/// A complaint and its whole handling (the ISO 10002 complaint record). Every rule of the lifecycle lives here:
/// received → registered → investigated → solution → resolved → closed, back to investigated when the customer
/// rejects the solution or the problem comes back before closing, early closing with a reason, closed as final.
/// Every legal move appends one timeline entry and raises one event; every illegal one throws, naming the
/// current state and the actions it allows.
/// </summary>
public sealed class Complaint : AggregateRoot
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 8000;
    public const int RemedyMaxLength = 2000;
    public const int ExternalReferenceMaxLength = 100;
    public const int ReasonMaxLength = 2000;
    public const int ProductMaxLength = 80;
    public const int LocationMaxLength = 200;
    public const int NumberMaxLength = 40;

    /// <summary>The one table of the state machine: what each state allows.</summary>
    private static readonly IReadOnlyDictionary<ComplaintStatus, ComplaintAction[]> Transitions = new Dictionary<ComplaintStatus, ComplaintAction[]>
    {
        [ComplaintStatus.Received] = [ComplaintAction.Register, ComplaintAction.Assign, ComplaintAction.LogContact, ComplaintAction.Close, ComplaintAction.AddNote, ComplaintAction.Reply, ComplaintAction.PauseSla, ComplaintAction.ResumeSla, ComplaintAction.ReturnToQueue],
        [ComplaintStatus.Registered] = [ComplaintAction.Assign, ComplaintAction.LogContact, ComplaintAction.Investigate, ComplaintAction.Close, ComplaintAction.AddNote, ComplaintAction.Reply, ComplaintAction.Reclassify, ComplaintAction.PauseSla, ComplaintAction.ResumeSla, ComplaintAction.ReturnToQueue],
        [ComplaintStatus.Investigated] = [ComplaintAction.Assign, ComplaintAction.LogContact, ComplaintAction.Investigate, ComplaintAction.ProposeSolution, ComplaintAction.Close, ComplaintAction.AddNote, ComplaintAction.Reply, ComplaintAction.Reclassify, ComplaintAction.PauseSla, ComplaintAction.ResumeSla, ComplaintAction.ReturnToQueue, ComplaintAction.ApproveSolution, ComplaintAction.SendBackSolution],
        [ComplaintStatus.Solution] = [ComplaintAction.Assign, ComplaintAction.LogContact, ComplaintAction.RecordCustomerResponse, ComplaintAction.Resolve, ComplaintAction.Close, ComplaintAction.AddNote, ComplaintAction.Reply, ComplaintAction.Reclassify, ComplaintAction.PauseSla, ComplaintAction.ResumeSla, ComplaintAction.CompleteSolutionStep, ComplaintAction.ReturnToQueue],
        [ComplaintStatus.Resolved] = [ComplaintAction.Assign, ComplaintAction.LogContact, ComplaintAction.Reopen, ComplaintAction.Close, ComplaintAction.AddNote, ComplaintAction.Reply, ComplaintAction.Reclassify, ComplaintAction.PauseSla, ComplaintAction.ResumeSla, ComplaintAction.CompleteSolutionStep, ComplaintAction.ReturnToQueue],
        [ComplaintStatus.Closed] = [ComplaintAction.AddNote, ComplaintAction.Reply, ComplaintAction.ReComplain],
    };

    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<SlaClock> _slaClocks = [];

    private Complaint()
    {
        Number = string.Empty;
        Title = string.Empty;
        Description = string.Empty;
    }

    private Complaint(Guid id, string number, NewComplaint data, DateTimeOffset now)
        : base(id)
    {
        Number = number;
        Channel = data.Channel;
        CustomerId = data.CustomerId;
        Title = Guard.Text(data.Title, TitleMaxLength, "title");
        Description = Guard.Text(data.Description, DescriptionMaxLength, "description");
        RemedySought = data.RemedySought?.Trim();
        OccurredAt = data.OccurredAt;
        ReceivedAt = data.ReceivedAt ?? now;
        Category = data.Category;
        Product = string.IsNullOrWhiteSpace(data.Product) ? null : Guard.Text(data.Product, ProductMaxLength, "product");
        Location = string.IsNullOrWhiteSpace(data.Location) ? null : Guard.Text(data.Location, LocationMaxLength, "location");
        Scope = data.Scope ?? ImpactScope.SingleCustomer;
        Severity = data.Severity ?? Severity.General;
        PartnerId = data.PartnerId;
        ExternalReference = data.ExternalReference?.Trim();
        EscalationLevel = data.EscalationLevel;
        ReComplaintOfId = data.ReComplaintOfId;
        KeyCustomer = data.KeyCustomer;
        Status = ComplaintStatus.Received;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public string Number { get; private set; }

    public Channel Channel { get; private set; }

    public Guid CustomerId { get; private set; }

    public string? Category { get; private set; }

    public Severity Severity { get; private set; }

    /// <summary>The product or service the complaint is about (the operator's product code), if known.</summary>
    public string? Product { get; private set; }

    /// <summary>Where it happened (地点): a shop, a town, a line; the customer's words, erased with them.</summary>
    public string? Location { get; private set; }

    /// <summary>How far the problem reaches (影响范围): this customer, several, a region, everybody.</summary>
    public ImpactScope Scope { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    /// <summary>What the customer asks for.</summary>
    public string? RemedySought { get; private set; }

    public DateTimeOffset? OccurredAt { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public Guid? PartnerId { get; private set; }

    /// <summary>The partner's own reference; unique per partner.</summary>
    public string? ExternalReference { get; private set; }

    public ComplaintStatus Status { get; private set; }

    /// <summary>The staff member who first took the complaint: accountable until it closes, never changed.</summary>
    public Guid? FirstResponderId { get; private set; }

    public Guid? ResponsibleDepartmentId { get; private set; }

    public Guid? AssigneeId { get; private set; }

    /// <summary>0 for a first complaint; a re-complaint is handled one level higher.</summary>
    public int EscalationLevel { get; private set; }

    /// <summary>
    /// The customer's grade was a key grade when the complaint arrived: its clocks run on the key-customer targets. Set at
    /// receipt (a re-complaint inherits it) and kept, so that a later change of grade does not move promises made.
    /// </summary>
    public bool KeyCustomer { get; private set; }

    /// <summary>The mass-fault incident the complaint is traced to (故障回溯), if any.</summary>
    public Guid? IncidentId { get; private set; }

    public DateTimeOffset? RegisteredAt { get; private set; }

    /// <summary>When the customer was told the complaint was received and how it will be handled.</summary>
    public DateTimeOffset? CustomerAcknowledgedAt { get; private set; }

    /// <summary>What the customer was told at registration (channel, apology, the time promised), where it was recorded.</summary>
    public CustomerNotice? RegistrationNotice { get; private set; }

    public DateTimeOffset? FirstContactAt { get; private set; }

    /// <summary>When a handler was first assigned.</summary>
    public DateTimeOffset? AssignedAt { get; private set; }

    /// <summary>When a solution was first proposed.</summary>
    public DateTimeOffset? SolutionProposedAt { get; private set; }

    /// <summary>When the customer last accepted a solution.</summary>
    public DateTimeOffset? SolutionAcceptedAt { get; private set; }

    public Investigation? Investigation { get; private set; }

    public ProposedSolution? Solution { get; private set; }

    public CustomerResponse? CustomerResponse { get; private set; }

    public Resolution? Resolution { get; private set; }

    public Closing? Closing { get; private set; }

    public Guid? ReComplaintOfId { get; private set; }

    public Guid? DuplicateOfId { get; private set; }

    /// <summary>The latest earlier complaint of the same customer in the same category within the repeat window.</summary>
    public Guid? RepeatOfId { get; private set; }

    /// <summary>How many earlier complaints of the same customer and category fall within the repeat window.</summary>
    public int RepeatCount { get; private set; }

    /// <summary>How often the customer said a resolved complaint was not solved after all.</summary>
    public int ReopenCount { get; private set; }

    /// <summary>
    /// Working time (business calendar) from receipt to the first response to the customer: the handler's first
    /// outbound contact or the proposed solution, whichever came first. Measured once, with the calendar of that moment.
    /// </summary>
    public TimeSpan? FirstResponseTime { get; private set; }

    /// <summary>Working time from receipt to the (latest) resolution; cleared when the complaint is reopened.</summary>
    public TimeSpan? ResolutionTime { get; private set; }

    /// <summary>When the solution now waiting for (or last given) a supervisor's approval was submitted.</summary>
    public DateTimeOffset? SolutionSubmittedAt { get; private set; }

    /// <summary>When a supervisor last approved a submitted solution.</summary>
    public DateTimeOffset? SolutionApprovedAt { get; private set; }

    /// <summary>Working time the last approved solution waited for its approval (reports give its median and 90th percentile).</summary>
    public TimeSpan? ApprovalTime { get; private set; }

    /// <summary>
    /// The clocks at a glance, one bit per <see cref="SlaMilestone"/> (<c>1 &lt;&lt; milestone</c>): which have started, which
    /// were met in time, which were missed (met late or breached). Kept with the clocks, for reports that count them.
    /// </summary>
    public int SlaStarted { get; private set; }

    /// <inheritdoc cref="SlaStarted"/>
    public int SlaMet { get; private set; }

    /// <inheritdoc cref="SlaStarted"/>
    public int SlaMissed { get; private set; }

    public int TimelineLength { get; private set; }

    /// <summary>
    /// The earliest due time of a step of the current solution not yet done (null without one): past it, the complaint
    /// is overdue like a breached clock. Kept with the solution for the lists and reports that filter on it.
    /// </summary>
    public DateTimeOffset? NextStepDueAt { get; private set; }

    /// <summary>A major complaint's solution waiting for a supervisor's approval before it is proposed to the customer.</summary>
    public ProposedSolution? PendingSolution { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>The service-level clocks of the milestones reached so far.</summary>
    public IReadOnlyList<SlaClock> SlaClocks => _slaClocks.AsReadOnly();

    /// <summary>The entries appended by this instance (the stored history is read separately).</summary>
    public IReadOnlyList<TimelineEntry> Timeline => _timeline.AsReadOnly();

    public bool IsOpen => Status != ComplaintStatus.Closed;

    /// <summary>What may be done now, in this state, with this record.</summary>
    public IReadOnlyList<ComplaintAction> AllowedActions =>
        Transitions[Status].Where(a => a switch
        {
            ComplaintAction.Resolve => CustomerResponse?.Accepted == true,
            ComplaintAction.PauseSla => IsSlaRunning,
            ComplaintAction.ResumeSla => IsSlaPaused,
            ComplaintAction.CompleteSolutionStep => Solution?.Steps.Any(s => !s.Done) == true,
            ComplaintAction.ReturnToQueue => AssigneeId is not null,
            ComplaintAction.ApproveSolution or ComplaintAction.SendBackSolution => PendingSolution is not null,
            _ => true,
        }).ToList();

    /// <summary>Some clock is running (unmet and not paused).</summary>
    public bool IsSlaRunning => _slaClocks.Any(c => c.MetAt is null && c.PausedAt is null);

    public bool IsSlaPaused => _slaClocks.Any(c => c.PausedAt is not null);

    /// <summary>Whether every service-level target so far was kept (none breached, none met late); null with no clock.</summary>
    public bool? KeptServiceLevels(DateTimeOffset now) => _slaClocks.Count == 0
        ? null
        : _slaClocks.All(c => c.BreachedAt is null && c.StateAt(now) is not (SlaState.Breached or SlaState.MetLate));

    public static Complaint Receive(string number, NewComplaint data, Actor actor, DateTimeOffset now, Guid? id = null)
    {
        var complaint = new Complaint(id ?? Guid.CreateVersion7(), Guard.Text(number, 40, "number"), data, now);
        if (actor.IsStaff)
        {
            complaint.FirstResponderId = actor.Id;
        }

        complaint.Append(actor, now, TimelineEntryKind.Received, null, $"Received via {Describe(data.Channel)}.", to: ComplaintStatus.Received);
        complaint.Raise(new ComplaintReceived(complaint.Id, complaint.Status, now));
        return complaint;
    }

    /// <summary>Classifies the complaint and confirms the customer was told; the registering staff member becomes first responder if none is.</summary>
    public void Register(string category, Severity severity, bool customerAcknowledged, Guid? routedDepartmentId, RepeatInfo repeat, Actor actor, DateTimeOffset now,
        CustomerNotice? notice = null, ImpactScope? scope = null)
    {
        var from = Ensure(ComplaintAction.Register);
        Category = Guard.Text(category, ComplaintCategories.MaxLength, "category");
        Severity = severity;
        Scope = scope ?? Scope;
        if (customerAcknowledged || notice is not null)
        {
            CustomerAcknowledgedAt = now;
            RegistrationNotice = notice;
        }

        if (actor.IsStaff)
        {
            FirstResponderId ??= actor.Id;
        }

        ResponsibleDepartmentId ??= routedDepartmentId;
        RepeatOfId = repeat.LatestId;
        RepeatCount = repeat.Count;
        RegisteredAt = now;
        Status = ComplaintStatus.Registered;
        Append(actor, now, TimelineEntryKind.Registered, from, $"Category {category}, severity {severity}, scope {Scope}." +
            (repeat.Count > 0 ? $" Repeat complaint ({repeat.Count} earlier)." : string.Empty));
        Raise(new ComplaintRegistered(Id, Status, now));
    }

    /// <summary>Assigns the complaint, or transfers it when a department or handler already had it. The first responder stays.</summary>
    /// <summary>
    /// The handler gives the complaint back to the department's queue (it stays with the department, without a handler),
    /// with a reason, for the department's head to assign again.
    /// </summary>
    public void ReturnToQueue(string reason, Actor actor, DateTimeOffset now)
    {
        Ensure(ComplaintAction.ReturnToQueue);
        var handler = AssigneeId;
        AssigneeId = null;
        Append(actor, now, TimelineEntryKind.ReturnedToQueue, null, Guard.Text(reason, ReasonMaxLength, "reason"));
        Raise(new ComplaintReturnedToQueue(Id, Status, now, handler, ResponsibleDepartmentId));
    }

    public void Assign(Guid? departmentId, Guid? assigneeId, string reason, Actor actor, DateTimeOffset now)
    {
        Ensure(ComplaintAction.Assign);
        if (departmentId is null && assigneeId is null)
        {
            throw new DomainException("complaint.assignNothing", "Name a department, a staff member, or both.");
        }

        if (departmentId == ResponsibleDepartmentId && (assigneeId is null || assigneeId == AssigneeId))
        {
            throw new DomainException("complaint.assignUnchanged", "The complaint is already assigned so.");
        }

        // A transfer moves the complaint away from a department or handler that had it; giving a routed
        // complaint its first handler within that department is an assignment.
        var isTransfer = (departmentId is not null && ResponsibleDepartmentId is not null && departmentId != ResponsibleDepartmentId)
            || (assigneeId is not null && AssigneeId is not null && assigneeId != AssigneeId);
        var previousDepartmentId = ResponsibleDepartmentId;
        if (departmentId is not null && departmentId != ResponsibleDepartmentId)
        {
            ResponsibleDepartmentId = departmentId;
            AssigneeId = assigneeId; // a new department: the old handler no longer works on it
        }
        else
        {
            AssigneeId = assigneeId;
        }

        if (AssigneeId is not null)
        {
            AssignedAt ??= now;
        }

        Append(actor, now, isTransfer ? TimelineEntryKind.Transferred : TimelineEntryKind.Assigned, null, Guard.Text(reason, ReasonMaxLength, "reason"));
        Raise(new ComplaintAssigned(Id, Status, now, ResponsibleDepartmentId, AssigneeId, isTransfer, previousDepartmentId));
    }

    public void LogContact(Channel channel, ContactDirection direction, string summary, Actor actor, DateTimeOffset now)
    {
        Ensure(ComplaintAction.LogContact);
        if (direction == ContactDirection.Outbound && actor.IsStaff)
        {
            FirstContactAt ??= now;
        }

        Append(actor, now, TimelineEntryKind.ContactLogged, null,
            $"{Describe(direction)} via {Describe(channel)}: {Guard.Text(summary, TimelineEntry.TextMaxLength - 40, "summary")}");
        Raise(new CustomerContactLogged(Id, Status, now));
    }

    /// <summary>Records the investigation (again, after a rejected solution) → investigated.</summary>
    public void Investigate(Investigation investigation, Actor actor, DateTimeOffset now)
    {
        var from = Ensure(ComplaintAction.Investigate);
        Investigation = investigation;
        Status = ComplaintStatus.Investigated;
        Append(actor, now, TimelineEntryKind.Investigated, from,
            $"{(investigation.IsGenuine ? "Genuine" : "Not genuine")}. {investigation.Findings}");
        Raise(new ComplaintInvestigated(Id, Status, now));
    }

    public void ProposeSolution(ProposedSolution solution, Actor actor, DateTimeOffset now)
    {
        var from = Ensure(ComplaintAction.ProposeSolution);
        Propose(solution, from, actor, now);
    }

    /// <summary>
    /// A solution for a major complaint, submitted for a supervisor's approval before the customer hears of it (the
    /// state stays; a later submission replaces it).
    /// </summary>
    public void SubmitSolutionForApproval(ProposedSolution solution, Actor actor, DateTimeOffset now)
    {
        Ensure(ComplaintAction.ProposeSolution);
        PendingSolution = solution;
        SolutionSubmittedAt = now;
        Append(actor, now, TimelineEntryKind.SolutionSubmitted, null, solution.Summary);
        Raise(new SolutionSubmittedForApproval(Id, Status, now, ResponsibleDepartmentId));
    }

    /// <summary>The supervisor approves the submitted solution: recorded, then proposed to the customer.</summary>
    public void ApproveSolution(Actor actor, DateTimeOffset now)
    {
        var from = Ensure(ComplaintAction.ApproveSolution);
        var solution = PendingSolution!;
        SolutionApprovedAt = now;
        ApprovalTime = null;
        Append(actor, now, TimelineEntryKind.SolutionApproved, null, "Solution approved.");
        Raise(new SolutionApproved(Id, Status, now));
        Propose(solution, from, actor, now);
    }

    /// <summary>
    /// Traces the complaint to a mass-fault incident (while it is open): a public timeline entry. Linking it to the same
    /// incident again changes nothing; to another one is refused (unlink is not a thing: one complaint, one fault).
    /// </summary>
    public bool LinkToIncident(Guid incidentId, string incidentTitle, Actor actor, DateTimeOffset now)
    {
        if (IncidentId == incidentId)
        {
            return false;
        }

        if (IncidentId is not null)
        {
            throw new DomainException("complaint.linkedToAnotherIncident", "The complaint is traced to another incident already.",
                new Dictionary<string, object?> { ["currentStatus"] = Status.ToString().ToLowerInvariant() });
        }

        if (Status == ComplaintStatus.Closed)
        {
            throw new DomainException("complaint.closed", "A closed complaint is not linked to an incident.",
                new Dictionary<string, object?> { ["currentStatus"] = "closed" });
        }

        IncidentId = incidentId;
        Append(actor, now, TimelineEntryKind.LinkedToIncident, null, $"Traced to incident: {Guard.Text(incidentTitle, TimelineEntry.TextMaxLength - 30, "title")}");
        Raise(new ComplaintLinkedToIncident(Id, Status, now));
        return true;
    }

    /// <summary>
    /// The incident the complaint is traced to is fixed: the complaint is resolved with the incident's resolution, from
    /// whichever registered state it is in (the fix is the solution; the customer is told it as the result and may reopen
    /// if it did not help). Already resolved or closed: nothing changes; not yet registered: refused.
    /// </summary>
    public bool ResolveByIncident(string resolution, Actor actor, DateTimeOffset now)
    {
        if (IncidentId is null)
        {
            throw new DomainException("complaint.noIncident", "The complaint is not traced to an incident.");
        }

        if (Status is ComplaintStatus.Resolved or ComplaintStatus.Closed)
        {
            return false;
        }

        if (Status == ComplaintStatus.Received)
        {
            throw Refused(ComplaintAction.Resolve, "complaint.notRegistered", "Register the complaint before it is resolved with its incident.");
        }

        var from = Status;
        PendingSolution = null;
        SolutionProposedAt ??= now; // the incident's fix is the solution,
        FirstContactAt ??= now;     // told to the customer now with the result
        Resolution = new Resolution(resolution, null, null, null, now);
        Status = ComplaintStatus.Resolved;
        Append(actor, now, TimelineEntryKind.Resolved, from, resolution);
        Raise(new ComplaintResolved(Id, Status, now));
        return true;
    }

    /// <summary>A file of evidence was deleted: the timeline keeps its name and who deleted it (in any state; evidence is not a step).</summary>
    public void RecordAttachmentRemoved(string fileName, Actor actor, DateTimeOffset now)
    {
        Append(actor, now, TimelineEntryKind.AttachmentRemoved, null, $"File {Guard.Text(fileName, TimelineEntry.TextMaxLength - 20, "fileName")} removed.");
        Raise(new AttachmentRemoved(Id, Status, now));
    }

    /// <summary>The supervisor sends the submitted solution back with a reason; nothing reaches the customer.</summary>
    public void SendBackSolution(string reason, Actor actor, DateTimeOffset now)
    {
        Ensure(ComplaintAction.SendBackSolution);
        PendingSolution = null;
        Append(actor, now, TimelineEntryKind.SolutionSentBack, null, Guard.Text(reason, ReasonMaxLength, "reason"));
        Raise(new SolutionSentBack(Id, Status, now));
    }

    private void Propose(ProposedSolution solution, ComplaintStatus from, Actor actor, DateTimeOffset now)
    {
        PendingSolution = null;
        Solution = solution;
        NextStepDueAt = solution.NextStepDueAt;
        SolutionProposedAt ??= now;
        CustomerResponse = null;
        Status = ComplaintStatus.Solution;
        Append(actor, now, TimelineEntryKind.SolutionProposed, from, solution.Summary);
        Raise(new SolutionProposed(Id, Status, now));
    }

    /// <summary>Accepted: the solution is carried out (the state stays). Rejected: back to investigation, with the recourse offered.</summary>
    public void RecordCustomerResponse(CustomerResponse response, Actor actor, DateTimeOffset now)
    {
        var from = Ensure(ComplaintAction.RecordCustomerResponse);
        CustomerResponse = response;
        if (response.Accepted)
        {
            SolutionAcceptedAt = now;
        }
        else
        {
            Status = ComplaintStatus.Investigated;
            NextStepDueAt = null; // the steps of a rejected solution are not carried out
        }

        Append(actor, now, response.Accepted ? TimelineEntryKind.SolutionAccepted : TimelineEntryKind.SolutionRejected,
            response.Accepted ? null : from,
            string.Join(" ", new[] { response.Comment, response.RecourseOffered is { } r ? $"Recourse offered: {r}" : null }.Where(t => !string.IsNullOrEmpty(t))));
        Raise(new CustomerRespondedToSolution(Id, Status, now, response.Accepted));
    }

    public void Resolve(Resolution resolution, Actor actor, DateTimeOffset now)
    {
        var from = Ensure(ComplaintAction.Resolve);
        if (CustomerResponse?.Accepted != true)
        {
            throw Refused(ComplaintAction.Resolve, "complaint.solutionNotAccepted", "The customer has not accepted the solution yet.");
        }

        Resolution = resolution;
        Status = ComplaintStatus.Resolved;
        Append(actor, now, TimelineEntryKind.Resolved, from, resolution.Outcome);
        Raise(new ComplaintResolved(Id, Status, now));
    }

    /// <summary>
    /// A step of the proposed solution was carried out: marked done with who and when (steps are numbered from 1). The
    /// complaint's earliest open step due time moves to the next step's.
    /// </summary>
    public void CompleteSolutionStep(int number, Actor actor, DateTimeOffset now)
    {
        Ensure(ComplaintAction.CompleteSolutionStep);
        var step = Solution!.Steps.ElementAtOrDefault(number - 1)
            ?? throw new DomainException("complaint.noSuchStep", $"The solution has no step {number}.");
        if (step.Done)
        {
            throw Refused(ComplaintAction.CompleteSolutionStep, "complaint.stepAlreadyDone", $"Step {number} is already done.");
        }

        step.MarkDone(actor.Id, now);
        NextStepDueAt = Solution.NextStepDueAt;
        Append(actor, now, TimelineEntryKind.SolutionStepDone, null, $"Step {number} done: {step.Description}");
        Raise(new SolutionStepCompleted(Id, Status, now, number));
    }

    /// <summary>The customer says the problem is not solved after all: back to investigation.</summary>
    public void Reopen(string reason, Actor actor, DateTimeOffset now)
    {
        var from = Ensure(ComplaintAction.Reopen);
        Resolution = null;
        ResolutionTime = null;
        CustomerResponse = null;
        NextStepDueAt = null;
        ReopenCount++;

        // Not solved after all: the end-to-end clock runs again from receipt, towards the due time it always had.
        _slaClocks.SingleOrDefault(c => c.Milestone == SlaMilestone.Resolution)?.Unmeet();
        Status = ComplaintStatus.Investigated;
        Append(actor, now, TimelineEntryKind.Reopened, from, Guard.Text(reason, ReasonMaxLength, "reason"));
        Raise(new ComplaintReopened(Id, Status, now));
    }

    /// <summary>
    /// Completes the record. With reason <see cref="ClosingReason.Resolved"/> only from resolved; withdrawn,
    /// unfounded and duplicate (with the original named) from any open state.
    /// </summary>
    public void Close(Closing closing, Guid? duplicateOfId, Actor actor, DateTimeOffset now)
    {
        var from = Ensure(ComplaintAction.Close);
        if (closing.Reason == ClosingReason.Resolved && Status != ComplaintStatus.Resolved)
        {
            throw Refused(ComplaintAction.Close, "complaint.notResolved",
                $"Only a resolved complaint closes as resolved; this one is {Status}. Close it as withdrawn, unfounded or duplicate instead.");
        }

        if (closing.Reason == ClosingReason.Duplicate)
        {
            if (duplicateOfId is null || duplicateOfId == Id)
            {
                throw new DomainException("complaint.duplicateOfRequired", "Name the complaint this one duplicates.");
            }

            DuplicateOfId = duplicateOfId;
        }

        Closing = closing;
        Status = ComplaintStatus.Closed;
        Append(actor, now, TimelineEntryKind.Closed, from, string.Join(" ",
            new[] { $"Closed: {closing.Reason}.", closing.Satisfaction is { } s ? $"Satisfaction {s}/5." : null, closing.Comment }
                .Where(t => !string.IsNullOrEmpty(t))));
        Raise(new ComplaintClosed(Id, Status, now, closing.Reason));
    }

    public void AddNote(string text, Actor actor, DateTimeOffset now)
    {
        Ensure(ComplaintAction.AddNote);
        Append(actor, now, TimelineEntryKind.NoteAdded, null, Guard.Text(text, TimelineEntry.TextMaxLength, "text"));
        Raise(new ComplaintNoteAdded(Id, Status, now));
    }

    /// <summary>A reply to the customer: public in the timeline (its text included) and sent to them by their channel.</summary>
    public void Reply(string text, Actor actor, DateTimeOffset now)
    {
        Ensure(ComplaintAction.Reply);
        Append(actor, now, TimelineEntryKind.PublicReply, null, Guard.Text(text, TimelineEntry.TextMaxLength, "text"));
        Raise(new ComplaintRepliedTo(Id, Status, now));
    }

    /// <summary>
    /// The customer is unhappy after closing: the data of a new complaint, linked to this one and handled one
    /// escalation level higher. This record stays closed and notes the re-complaint in its history.
    /// </summary>
    public NewComplaint ReComplaint(string description, string? remedySought, Channel channel, Guid newComplaintId, string newNumber, Actor actor, DateTimeOffset now)
    {
        Ensure(ComplaintAction.ReComplain);
        Append(actor, now, TimelineEntryKind.ReComplained, null, $"Re-complaint {newNumber} filed; escalated to level {EscalationLevel + 1}.");
        Raise(new ComplaintReComplained(Id, Status, now, newComplaintId));
        var title = $"Re-complaint: {Title}";
        return new NewComplaint(channel, CustomerId, title.Length <= TitleMaxLength ? title : title[..TitleMaxLength],
            description, remedySought, OccurredAt: null, ReceivedAt: now, Category, Severity, PartnerId: null, ExternalReference: null,
            EscalationLevel + 1, Id, Product, Location, Scope, KeyCustomer);
    }

    /// <summary>
    /// Keeps the service-level clocks in step with the record: a clock starts when its milestone's starting event
    /// happens (receipt, registration, acceptance of the solution) and is stamped when the milestone is reached.
    /// Due times of unmet clocks follow the current severity, policy and calendar: <paramref name="schedule"/> is that of
    /// the department responsible now, so a transfer to a department on another calendar moves them.
    /// </summary>
    public void TrackSla(SlaSchedule schedule, DateTimeOffset now)
    {
        MeasureWorkingTimes(schedule.Calendar);
        Start(SlaMilestone.Registered, ReceivedAt);
        if (RegisteredAt is { } registered)
        {
            Start(SlaMilestone.Assigned, registered);
            Start(SlaMilestone.FirstContact, registered);
            Start(SlaMilestone.SolutionProposed, registered);
        }

        if (SolutionAcceptedAt is { } accepted)
        {
            Start(SlaMilestone.ResultFedBack, accepted);
        }

        Start(SlaMilestone.Resolution, ReceivedAt);

        foreach (var clock in _slaClocks)
        {
            var metAt = clock.Milestone switch
            {
                SlaMilestone.Registered => RegisteredAt,
                SlaMilestone.Assigned => AssignedAt,
                SlaMilestone.FirstContact => FirstContactAt,
                SlaMilestone.SolutionProposed => SolutionProposedAt,
                SlaMilestone.ResultFedBack or SlaMilestone.Resolution => Resolution?.ResolvedAt,
                _ => throw new ArgumentOutOfRangeException(nameof(schedule), clock.Milestone, "A milestone without its event."),
            };
            if (metAt is { } met)
            {
                clock.Meet(met);
            }
            else
            {
                // Paused time moves both lines on by as much.
                var basis = schedule.Target(clock.Milestone, Severity, KeyCustomer).Basis;
                var due = schedule.Due(clock.Milestone, Severity, KeyCustomer, clock.StartedAt);
                var atRisk = schedule.AtRiskFrom(basis, clock.StartedAt, due);
                clock.Reschedule(
                    basis,
                    schedule.CalendarName,
                    schedule.ClockOf(basis).AddWorkingTime(due, clock.PausedWorkingTime),
                    schedule.ClockOf(basis).AddWorkingTime(atRisk, clock.PausedWorkingTime));
            }
        }

        SummariseClocks();

        void Start(SlaMilestone milestone, DateTimeOffset start)
        {
            if (_slaClocks.All(c => c.Milestone != milestone))
            {
                var basis = schedule.Target(milestone, Severity, KeyCustomer).Basis;
                var due = schedule.Due(milestone, Severity, KeyCustomer, start);
                _slaClocks.Add(new SlaClock(Id, milestone, basis, schedule.CalendarName, start, due, schedule.AtRiskFrom(basis, start, due)));
            }
        }
    }

    private void SummariseClocks()
    {
        SlaStarted = SlaMet = SlaMissed = 0;
        foreach (var clock in _slaClocks)
        {
            var bit = 1 << (int)clock.Milestone;
            SlaStarted |= bit;
            if (clock.BreachedAt is not null || clock.MetAt > clock.DueAt)
            {
                SlaMissed |= bit;
            }
            else if (clock.MetAt is not null)
            {
                SlaMet |= bit;
            }
        }
    }

    private void MeasureWorkingTimes(BusinessCalendar calendar)
    {
        var firstResponse = (FirstContactAt, SolutionProposedAt) switch
        {
            ({ } contact, { } proposed) => contact <= proposed ? contact : proposed,
            ({ } contact, null) => contact,
            (null, var proposed) => proposed,
        };
        if (FirstResponseTime is null && firstResponse is { } responded)
        {
            FirstResponseTime = calendar.WorkingTimeBetween(ReceivedAt, responded);
        }

        ResolutionTime = Resolution is { } resolution ? ResolutionTime ?? calendar.WorkingTimeBetween(ReceivedAt, resolution.ResolvedAt) : null;
        if (ApprovalTime is null && SolutionSubmittedAt is { } submitted && SolutionApprovedAt is { } approved && approved >= submitted)
        {
            ApprovalTime = calendar.WorkingTimeBetween(submitted, approved);
        }
    }

    /// <summary>Changes category and/or severity after registration; the clocks not yet met follow the new severity's targets.</summary>
    public void Reclassify(string category, Severity severity, string reason, Actor actor, DateTimeOffset now)
    {
        Ensure(ComplaintAction.Reclassify);
        var newCategory = Guard.Text(category, ComplaintCategories.MaxLength, "category");
        if (newCategory == Category && severity == Severity)
        {
            throw new DomainException("complaint.classificationUnchanged", "The complaint is already classified so.");
        }

        Append(actor, now, TimelineEntryKind.Reclassified, null,
            $"{Category}/{Severity} → {newCategory}/{severity}: {Guard.Text(reason, ReasonMaxLength, "reason")}");
        var previousSeverity = Severity;
        Category = newCategory;
        Severity = severity;
        Raise(new ComplaintReclassified(Id, Status, now, previousSeverity));
    }

    /// <summary>Stops the running clocks while the complaint waits for the customer or a third party.</summary>
    public void PauseSla(SlaPauseReason reason, string? comment, Actor actor, DateTimeOffset now)
    {
        Ensure(ComplaintAction.PauseSla);
        if (!IsSlaRunning)
        {
            throw Refused(ComplaintAction.PauseSla, "complaint.slaNotRunning", "No service-level clock is running.");
        }

        foreach (var clock in _slaClocks.Where(c => c.MetAt is null && c.PausedAt is null))
        {
            clock.Pause(reason, now);
        }

        Append(actor, now, TimelineEntryKind.SlaPaused, null, $"Clocks paused: {Describe(reason)}.{(string.IsNullOrWhiteSpace(comment) ? string.Empty : " " + comment.Trim())}");
        Raise(new ComplaintSlaPaused(Id, Status, now, reason));
    }

    /// <summary>Restarts the paused clocks; their due times move on by the working time spent paused.</summary>
    public void ResumeSla(SlaSchedule schedule, Actor actor, DateTimeOffset now)
    {
        Ensure(ComplaintAction.ResumeSla);
        if (!IsSlaPaused)
        {
            throw Refused(ComplaintAction.ResumeSla, "complaint.slaNotPaused", "No service-level clock is paused.");
        }

        foreach (var clock in _slaClocks.Where(c => c.PausedAt is not null))
        {
            clock.Resume(schedule.ClockOf(clock.Basis).WorkingTimeBetween(clock.PausedAt!.Value, now));
        }

        Append(actor, now, TimelineEntryKind.SlaResumed, null, "Clocks resumed.");
        Raise(new ComplaintSlaResumed(Id, Status, now));
    }

    /// <summary>
    /// The system notes that a milestone's time is running out (once per clock), while the complaint is open.
    /// Returns false when there is nothing to note.
    /// </summary>
    public bool RecordSlaAtRisk(SlaMilestone milestone, DateTimeOffset now)
    {
        var clock = _slaClocks.SingleOrDefault(c => c.Milestone == milestone);
        if (!IsOpen || clock is null || clock.AtRiskNotifiedAt is not null || clock.StateAt(now) != SlaState.AtRisk)
        {
            return false;
        }

        clock.MarkAtRiskNotified(now);
        Append(Actor.System, now, TimelineEntryKind.SlaAtRisk, null, $"{Describe(milestone)} is at risk: due {clock.DueAt:u}.");
        Raise(new ComplaintSlaAtRisk(Id, Status, now, milestone, clock.DueAt, ResponsibleDepartmentId));
        return true;
    }

    /// <summary>
    /// The system records a missed milestone, once per clock, while the complaint is open: the breach goes into the
    /// timeline and the complaint one escalation level up. Returns false when there is nothing to record.
    /// </summary>
    public bool RecordSlaBreach(SlaMilestone milestone, DateTimeOffset now)
    {
        var clock = _slaClocks.SingleOrDefault(c => c.Milestone == milestone);
        if (!IsOpen || clock is null || clock.BreachedAt is not null || clock.StateAt(now) != SlaState.Breached)
        {
            return false;
        }

        clock.MarkBreached(now);
        SummariseClocks();
        EscalationLevel++;
        Append(Actor.System, now, TimelineEntryKind.SlaBreached, null,
            $"{Describe(milestone)} missed (due {clock.DueAt:u}); escalated to level {EscalationLevel}.");
        Raise(new ComplaintSlaBreached(Id, Status, now, milestone, clock.DueAt, EscalationLevel, ResponsibleDepartmentId));
        return true;
    }

    private ComplaintStatus Ensure(ComplaintAction action)
    {
        if (!Transitions[Status].Contains(action))
        {
            throw Refused(action, "complaint.invalidTransition", $"Cannot {action} a complaint that is {Status}.");
        }

        return Status;
    }

    private DomainException Refused(ComplaintAction action, string code, LocalizableText message)
    {
        var allowed = AllowedActions;
        return new DomainException(code, allowed.Count == 0 ? NothingAllowed(message) : AllowedNow(message, allowed),
            new Dictionary<string, object?>
            {
                ["currentStatus"] = Describe(Status),
                ["attemptedAction"] = Describe(action),
                ["allowedActions"] = allowed.Select(Describe).ToArray(),
            });
    }

    private static LocalizableText NothingAllowed(LocalizableText message) => $"{message} Nothing is allowed now.";

    private static LocalizableText AllowedNow(LocalizableText message, IReadOnlyList<ComplaintAction> allowed) => $"{message} Allowed now: {allowed}.";

    /// <summary>Raises the event of the move just made, naming the timeline entry that move appended.</summary>
    private void Raise(ComplaintEvent domainEvent) => base.Raise(domainEvent with { Sequence = TimelineLength });

    private void Append(Actor actor, DateTimeOffset now, TimelineEntryKind kind, ComplaintStatus? from, string? text, ComplaintStatus? to = null)
    {
        TimelineLength++;
        _timeline.Add(new TimelineEntry(Id, TimelineLength, now, actor, kind, from, to ?? (from is null ? null : Status), text));
        UpdatedAt = now;
    }

    /// <summary>Names as clients see them in JSON (camelCase).</summary>
    public static string Describe<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}

/// <summary>What a new complaint is received with.</summary>
public sealed record NewComplaint(
    Channel Channel,
    Guid CustomerId,
    string Title,
    string Description,
    string? RemedySought,
    DateTimeOffset? OccurredAt,
    DateTimeOffset? ReceivedAt,
    string? Category,
    Severity? Severity,
    Guid? PartnerId,
    string? ExternalReference,
    int EscalationLevel = 0,
    Guid? ReComplaintOfId = null,
    string? Product = null,
    string? Location = null,
    ImpactScope? Scope = null,
    bool KeyCustomer = false);

/// <summary>Earlier complaints of the same customer and category within the repeat window.</summary>
public sealed record RepeatInfo(Guid? LatestId, int Count)
{
    public static readonly RepeatInfo None = new(null, 0);
}
