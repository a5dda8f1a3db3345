using AutoMapper;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Sla;

namespace CustomerCare.Application.Complaints.Queries;

/// <summary>One complaint, the whole record, with what the caller may do with it now.</summary>
public sealed class ComplaintDto : IVersioned
{
    public Guid Id { get; init; }

    public string Number { get; init; } = string.Empty;

    public ComplaintStatus Status { get; init; }

    public Channel Channel { get; init; }

    public Guid CustomerId { get; init; }

    public string? Category { get; init; }

    public Severity Severity { get; init; }

    public string? Product { get; init; }

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

    public DateTimeOffset? RegisteredAt { get; init; }

    public DateTimeOffset? CustomerAcknowledgedAt { get; init; }

    public DateTimeOffset? FirstContactAt { get; init; }

    public InvestigationDto? Investigation { get; init; }

    public SolutionDto? Solution { get; init; }

    public CustomerResponseDto? CustomerResponse { get; init; }

    public ResolutionDto? Resolution { get; init; }

    public ClosingDto? Closing { get; init; }

    public Guid? ReComplaintOfId { get; init; }

    public Guid? DuplicateOfId { get; init; }

    public Guid? RepeatOfId { get; init; }

    public int RepeatCount { get; init; }

    /// <summary>The service-level clock of every milestone reached so far.</summary>
    public IReadOnlyList<SlaClockDto> Sla { get; set; } = [];

    /// <summary>What the caller may do now (for a partner: nothing; it reads only).</summary>
    public IReadOnlyList<ComplaintAction> AllowedActions { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping()
        {
            CreateMap<Complaint, ComplaintDto>()
                .ForMember(d => d.Sla, o => o.Ignore())
                .ForMember(d => d.AllowedActions, o => o.Ignore());
            CreateMap<Investigation, InvestigationDto>();
            CreateMap<ProposedSolution, SolutionDto>();
            CreateMap<SolutionStep, SolutionStepDto>();
            CreateMap<CustomerResponse, CustomerResponseDto>();
            CreateMap<Resolution, ResolutionDto>();
            CreateMap<Closing, ClosingDto>();
        }
    }
}

public sealed class InvestigationDto
{
    public string Findings { get; init; } = string.Empty;

    public string? RootCause { get; init; }

    public bool IsGenuine { get; init; }

    public IReadOnlyList<string> Evidence { get; init; } = [];

    public string? CorrectiveAction { get; init; }
}

public sealed class SolutionDto
{
    public string Summary { get; init; } = string.Empty;

    public IReadOnlyList<SolutionStepDto> Steps { get; init; } = [];

    public DateTimeOffset CommunicatedAt { get; init; }

    public Channel CommunicatedVia { get; init; }
}

public sealed class SolutionStepDto
{
    public string Description { get; init; } = string.Empty;

    public Guid? OwnerId { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public bool Done { get; init; }
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
}

public sealed class ClosingDto
{
    public ClosingReason Reason { get; init; }

    public int? Satisfaction { get; init; }

    public string? Comment { get; init; }

    public DateTimeOffset ClosedAt { get; init; }
}

/// <summary>A complaint in a list.</summary>
public sealed class ComplaintSummaryDto
{
    public Guid Id { get; init; }

    public string Number { get; init; } = string.Empty;

    public ComplaintStatus Status { get; init; }

    public Channel Channel { get; init; }

    public Guid CustomerId { get; init; }

    public string? Category { get; init; }

    public Severity Severity { get; init; }

    public string Title { get; init; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; init; }

    public Guid? PartnerId { get; init; }

    public string? ExternalReference { get; init; }

    public Guid? FirstResponderId { get; init; }

    public Guid? ResponsibleDepartmentId { get; init; }

    public Guid? AssigneeId { get; init; }

    public int EscalationLevel { get; init; }

    public int RepeatCount { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Complaint, ComplaintSummaryDto>();
    }
}

/// <summary>One milestone's clock: due at, met at, and its state now (pending, atRisk, met, breached, metLate); paused while waiting.</summary>
public sealed record SlaClockDto(
    SlaMilestone Milestone, DateTimeOffset StartedAt, DateTimeOffset DueAt, DateTimeOffset? MetAt, SlaState State, DateTimeOffset? BreachRecordedAt,
    DateTimeOffset? PausedAt, SlaPauseReason? PauseReason);

public sealed record TimelineEntryDto(
    int Sequence, DateTimeOffset At, TimelineEntryKind Kind, string ActorKind, Guid? ActorId,
    ComplaintStatus? FromStatus, ComplaintStatus? ToStatus, string? Text);
