namespace CustomerCare.Domain.Complaints;

public enum ComplaintStatus
{
    Received,
    Registered,
    Investigated,
    Solution,
    Resolved,
    Closed,
}

/// <summary>How far the problem complained of reaches (影响范围).</summary>
public enum ImpactScope
{
    SingleCustomer,
    SeveralCustomers,
    Region,
    AllCustomers,
}

public enum Severity
{
    General,
    Major,
}

/// <summary>What can be done to a complaint. <see cref="Complaint.AllowedActions"/> lists those its state allows.</summary>
public enum ComplaintAction
{
    Register,
    Assign,
    LogContact,
    Investigate,
    ProposeSolution,
    RecordCustomerResponse,
    Resolve,
    Reopen,
    Close,
    AddNote,
    ReComplain,
    Reclassify,
    PauseSla,
    ResumeSla,

    /// <summary>Answer the customer: a public timeline entry, sent to them by their channel.</summary>
    Reply,

    /// <summary>Mark a step of the proposed solution done (who and when are kept).</summary>
    CompleteSolutionStep,

    /// <summary>The handler gives the complaint back to the department's queue, with a reason, for its head to assign again.</summary>
    ReturnToQueue,

    /// <summary>A supervisor approves the solution submitted for a major complaint: it is proposed to the customer.</summary>
    ApproveSolution,

    /// <summary>A supervisor sends the submitted solution back, with a reason: the handler works on it again.</summary>
    SendBackSolution,
}

public enum ClosingReason
{
    /// <summary>The normal end: the problem was solved (only from <see cref="ComplaintStatus.Resolved"/>).</summary>
    Resolved,
    Withdrawn,
    Unfounded,
    Duplicate,
}

public enum ContactDirection
{
    Inbound,
    Outbound,
}

public enum TimelineEntryKind
{
    Received,
    Registered,
    Assigned,
    Transferred,
    ContactLogged,
    Investigated,
    SolutionProposed,
    SolutionAccepted,
    SolutionRejected,
    Resolved,
    Reopened,
    Closed,
    NoteAdded,
    ReComplained,
    SlaAtRisk,
    SlaBreached,
    Reclassified,
    SlaPaused,
    SlaResumed,

    /// <summary>A staff member's reply to the customer (public, and sent to them).</summary>
    PublicReply,

    /// <summary>A step of the solution was carried out.</summary>
    SolutionStepDone,

    /// <summary>The handler gave the complaint back to the department's queue.</summary>
    ReturnedToQueue,

    /// <summary>A solution of a major complaint was submitted for a supervisor's approval.</summary>
    SolutionSubmitted,

    /// <summary>A supervisor approved the submitted solution (the proposal to the customer follows).</summary>
    SolutionApproved,

    /// <summary>A supervisor sent the submitted solution back, with a reason.</summary>
    SolutionSentBack,

    /// <summary>A file of evidence was deleted (its name stays in the entry; the file is gone).</summary>
    AttachmentRemoved,

    /// <summary>The complaint was traced to a mass-fault incident.</summary>
    LinkedToIncident,

    /// <summary>
    /// The customer was told (by e-mail or text message, named in the text) of the entry with the same sequence. Not a
    /// change of the complaint and never stored: timelines show one for each notification sent, so sending one does not
    /// change the complaint's version (its ETag).
    /// </summary>
    CustomerInformed,
}
