using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Common.Security;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Application.Complaints.Queries.GetComplaint;

/// <summary>
/// One complaint, the whole record, with what the caller may do with it now. A partner reads its public part only
/// (<see cref="ForPublic"/>): no customer id, no staff or department ids, no investigation.
/// </summary>
public sealed record ComplaintDto : IVersioned
{
    public Guid Id { get; init; }

    public string Number { get; init; } = string.Empty;

    public ComplaintStatus Status { get; init; }

    public Channel Channel { get; init; }

    /// <summary>The customer's record (staff only; null for partners, who send customers inline and never see their records).</summary>
    public Guid? CustomerId { get; init; }

    public string? Category { get; init; }

    public Severity Severity { get; init; }

    public string? Product { get; init; }

    /// <summary>Where it happened (地点), as the customer or the agent put it.</summary>
    public string? Location { get; init; }

    /// <summary>How far the problem reaches (影响范围).</summary>
    public ImpactScope Scope { get; init; }

    public string Title { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public string? RemedySought { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public Guid? PartnerId { get; init; }

    public string? ExternalReference { get; init; }

    public Guid? FirstResponderId { get; init; }

    public Guid? ResponsibleDepartmentId { get; init; }

    public Guid? AssigneeId { get; init; }

    public int EscalationLevel { get; init; }

    /// <summary>The customer was a key customer when the complaint arrived: its clocks run on the key-customer targets.</summary>
    public bool KeyCustomer { get; init; }

    /// <summary>The mass-fault incident the complaint is traced to, if any (<c>GET /incidents/{id}</c>).</summary>
    public Guid? IncidentId { get; init; }

    public DateTimeOffset? RegisteredAt { get; init; }

    public DateTimeOffset? CustomerAcknowledgedAt { get; init; }

    /// <summary>What the customer was told at registration, where it was recorded.</summary>
    public CustomerNoticeDto? RegistrationNotice { get; init; }

    public DateTimeOffset? FirstContactAt { get; init; }

    public InvestigationDto? Investigation { get; init; }

    public SolutionDto? Solution { get; init; }

    /// <summary>A major complaint's solution waiting for a supervisor's approval (staff only; the customer has not heard of it).</summary>
    public SolutionDto? PendingSolution { get; init; }

    public CustomerResponseDto? CustomerResponse { get; init; }

    public ResolutionDto? Resolution { get; init; }

    public ClosingDto? Closing { get; init; }

    public Guid? ReComplaintOfId { get; init; }

    public Guid? DuplicateOfId { get; init; }

    public Guid? RepeatOfId { get; init; }

    public int RepeatCount { get; init; }

    /// <summary>The service-level clock of every milestone reached so far.</summary>
    public IReadOnlyList<SlaClockDto> Sla { get; init; } = [];

    /// <summary>
    /// What the complaint's state allows now (for a partner: nothing; it reads only). The caller's authority may still refuse
    /// one with 403: assigning is for the responsible department's supervisors, a re-complaint for staff at its level.
    /// </summary>
    public IReadOnlyList<ComplaintAction> AllowedActions { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }

    /// <summary>What a partner (or a customer) may read of the complaint: staff-only fields left empty.</summary>
    public ComplaintDto ForPublic() => this with
    {
        CustomerId = null,
        FirstResponderId = null,
        ResponsibleDepartmentId = null,
        AssigneeId = null,
        Investigation = null,
        PendingSolution = null,
        Solution = Solution is null ? null : Solution with { Steps = [.. Solution.Steps.Select(step => step with { OwnerId = null, DoneBy = null })] },
    };

    /// <summary>Maps a complaint for a caller at a moment: clocks' states at <paramref name="now"/>, actions for staff, the public part for others.</summary>
    public static ComplaintDto For(IMapper mapper, Complaint complaint, ICurrentUser caller, DateTimeOffset now)
    {
        var dto = mapper.Map<ComplaintDto>(complaint, o =>
        {
            o.Items[NowKey] = now;
            o.Items[StaffKey] = caller.Kind == CallerKind.Staff;
        });
        return caller.ReadsPublicOnly() ? dto.ForPublic() : dto;
    }

    private const string NowKey = "now";
    private const string StaffKey = "staff";

    private static DateTimeOffset Now(ResolutionContext context) =>
        context.TryGetItems(out var items) && items.TryGetValue(NowKey, out var now) && now is DateTimeOffset at
            ? at
            : throw new InvalidOperationException($"Map a complaint with {nameof(For)}: its clocks' states depend on the time.");

    private sealed class Mapping : Profile
    {
        public Mapping()
        {
            CreateMap<Complaint, ComplaintDto>()
                .ForMember(d => d.Sla, o => o.MapFrom((complaint, _, _, context) => complaint.SlaClocks.OrderBy(c => c.Milestone)
                    .Select(c => new SlaClockDto(c.Milestone, c.Basis, c.Calendar, c.StartedAt, c.DueAt, c.MetAt, c.StateAt(Now(context)), c.BreachedAt, c.PausedAt, c.PauseReason))
                    .ToList()))
                .ForMember(d => d.AllowedActions, o => o.MapFrom((complaint, _, _, context) =>
                    context.TryGetItems(out var items) && items.TryGetValue(StaffKey, out var staff) && staff is true
                        ? complaint.AllowedActions : []));
            CreateMap<Investigation, InvestigationDto>();
            CreateMap<ProposedSolution, SolutionDto>();
            CreateMap<SolutionStep, SolutionStepDto>();
            CreateMap<CustomerNotice, CustomerNoticeDto>();
            CreateMap<CustomerResponse, CustomerResponseDto>();
            CreateMap<Resolution, ResolutionDto>();
            CreateMap<Closing, ClosingDto>();
        }
    }
}

public sealed class InvestigationDto
{
    public string Findings { get; init; } = string.Empty;

    /// <summary>The cause's code in the cause taxonomy (<c>GET /causes</c>); null for investigations recorded before causes were coded.</summary>
    public string? Cause { get; init; }

    /// <summary>The cause in the investigator's words.</summary>
    public string? RootCause { get; init; }

    public bool IsGenuine { get; init; }

    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>The improvement action the finding led to (<c>GET /improvement-actions/{id}</c>), if any.</summary>
    public Guid? ImprovementActionId { get; init; }
}

public sealed record SolutionDto
{
    public string Summary { get; init; } = string.Empty;

    public IReadOnlyList<SolutionStepDto> Steps { get; init; } = [];

    public DateTimeOffset CommunicatedAt { get; init; }

    public Channel CommunicatedVia { get; init; }
}

/// <summary>One step of the solution: who does what by when; done (and when and by whom, if marked done after the proposal).</summary>
public sealed record SolutionStepDto
{
    public string Description { get; init; } = string.Empty;

    public Guid? OwnerId { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public bool Done { get; init; }

    public DateTimeOffset? DoneAt { get; init; }

    /// <summary>The staff member who marked it done (hidden from partners).</summary>
    public Guid? DoneBy { get; init; }
}

public sealed class CustomerResponseDto
{
    public bool Accepted { get; init; }

    public string? Comment { get; init; }

    public string? RecourseOffered { get; init; }

    public DateTimeOffset RespondedAt { get; init; }
}

public sealed class ResolutionDto
{
    public string Outcome { get; init; } = string.Empty;

    public decimal? CompensationAmount { get; init; }

    public string? CompensationCurrency { get; init; }

    public string? CompensationDescription { get; init; }

    public DateTimeOffset ResolvedAt { get; init; }

    /// <summary>How the customer was told the result (null on records from before it was asked).</summary>
    public Channel? FedBackVia { get; init; }
}

/// <summary>What the customer was told at registration: channel, apology, the time promised (who and when: the registration entry).</summary>
public sealed class CustomerNoticeDto
{
    public Channel Via { get; init; }

    public bool Apologised { get; init; }

    public DateTimeOffset? PromisedBy { get; init; }
}

public sealed class ClosingDto
{
    public ClosingReason Reason { get; init; }

    public int? Satisfaction { get; init; }

    public string? Comment { get; init; }

    public DateTimeOffset ClosedAt { get; init; }
}

/// <summary>A complaint in a list (for a partner, without staff-only fields: <see cref="ForPublic"/>).</summary>
public sealed record ComplaintSummaryDto
{
    public Guid Id { get; init; }

    public string Number { get; init; } = string.Empty;

    public ComplaintStatus Status { get; init; }

    public Channel Channel { get; init; }

    /// <summary>The customer's record (staff only; null for partners).</summary>
    public Guid? CustomerId { get; init; }

    public string? Category { get; init; }

    public Severity Severity { get; init; }

    public ImpactScope Scope { get; init; }

    public string Title { get; init; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; init; }

    public Guid? PartnerId { get; init; }

    public string? ExternalReference { get; init; }

    public Guid? FirstResponderId { get; init; }

    public Guid? ResponsibleDepartmentId { get; init; }

    public Guid? AssigneeId { get; init; }

    public int EscalationLevel { get; init; }

    /// <summary>The customer was a key customer when the complaint arrived: its clocks run on the key-customer targets.</summary>
    public bool KeyCustomer { get; init; }

    public int RepeatCount { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public ComplaintSummaryDto ForPublic() => this with { CustomerId = null, FirstResponderId = null, ResponsibleDepartmentId = null, AssigneeId = null };

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Complaint, ComplaintSummaryDto>();
    }
}

/// <summary>
/// One milestone's clock: what it counts (working or calendar time) on which business calendar, due at, met at, and its state now (pending,
/// atRisk, met, breached, metLate); paused while waiting.
/// </summary>
public sealed record SlaClockDto(
    SlaMilestone Milestone, SlaBasis Basis, string Calendar, DateTimeOffset StartedAt, DateTimeOffset DueAt, DateTimeOffset? MetAt, SlaState State, DateTimeOffset? BreachRecordedAt,
    DateTimeOffset? PausedAt, SlaPauseReason? PauseReason);

/// <summary>
/// One entry of a complaint's history. Staff read every entry; partners only public ones, with no staff member's id
/// (<c>actorId</c> null) and a text only where it is what the customer was told.
/// </summary>
public sealed record TimelineEntryDto(
    int Sequence, DateTimeOffset At, TimelineEntryKind Kind, TimelineVisibility Visibility, string ActorKind, Guid? ActorId,
    ComplaintStatus? FromStatus, ComplaintStatus? ToStatus, string? Text)
{
    /// <summary>A public entry as partners (and customers) read it: no staff member's id, a text only where it is what the customer was told.</summary>
    public TimelineEntryDto ForPublic() => this with
    {
        ActorId = TimelineVisibilities.PublicActorId(ActorKind, ActorId),
        Text = TimelineVisibilities.PublicText(Kind, Text),
    };

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<TimelineEntry, TimelineEntryDto>()
            .ForCtorParam(nameof(Visibility), o => o.MapFrom(e => TimelineVisibilities.Of(e.Kind)));
    }
}
