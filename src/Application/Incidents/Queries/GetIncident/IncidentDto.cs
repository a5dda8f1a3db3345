using AutoMapper;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Incidents;

namespace CustomerCare.Application.Incidents.Queries.GetIncident;

/// <summary>A mass-fault incident: what failed, its cause code, what it affects, when, and how it was resolved.</summary>
public sealed record IncidentDto : IVersioned
{
    public Guid Id { get; init; }

    public string Title { get; init; } = string.Empty;

    public string? Description { get; init; }

    public string Cause { get; init; } = string.Empty;

    public string? Product { get; init; }

    public string? Region { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public IncidentStatus Status { get; init; }

    public string? Resolution { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Incident, IncidentDto>();
    }
}

/// <summary>An incident with the complaints traced to it that the caller may see: how many, by status, and by the state of their clocks.</summary>
public sealed record IncidentDetailsDto(IncidentDto Incident, IncidentComplaintsDto Complaints) : IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version => Incident.Version;
}

/// <summary>
/// The linked complaints: <c>total</c>; <c>byStatus</c> (every status, zero included); <c>breached</c> (open, a clock
/// past due and unmet), <c>atRisk</c> (open, a clock in its at-risk share, none breached) and <c>onTrack</c> (the other open ones).
/// </summary>
public sealed record IncidentComplaintsDto(int Total, IReadOnlyDictionary<string, int> ByStatus, int Breached, int AtRisk, int OnTrack);
