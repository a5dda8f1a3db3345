using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Incidents;

public enum IncidentStatus
{
    /// <summary>The fault is being worked on; complaints are linked to it.</summary>
    Open,

    /// <summary>The fault is fixed: its linked complaints are resolved with its resolution (in batches, resumably).</summary>
    Resolved,
}

/// <summary>
/// A mass fault (a network outage, a faulty product batch) that brings many complaints with one cause (故障回溯): its
/// title, cause code, what it affects (product, region), when it started and ended, and — once fixed — the resolution
/// its linked complaints are resolved with and their customers told.
/// </summary>
public sealed class Incident : AggregateRoot
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int RegionMaxLength = 100;
    public const int ResolutionMaxLength = 2000;

    private Incident()
    {
        Title = string.Empty;
        Cause = string.Empty;
    }

    private Incident(Guid id, NewIncident data, Guid? createdById, DateTimeOffset now)
        : base(id)
    {
        Title = Guard.Text(data.Title, TitleMaxLength, "title");
        Description = Optional(data.Description, DescriptionMaxLength, "description");
        Cause = data.Cause;
        Product = Optional(data.Product, Complaints.Complaint.ProductMaxLength, "product");
        Region = Optional(data.Region, RegionMaxLength, "region");
        StartedAt = data.StartedAt;
        Status = IncidentStatus.Open;
        CreatedById = createdById;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The cause code (of the cause taxonomy) the fault comes under.</summary>
    public string Cause { get; private set; }

    public string? Product { get; private set; }

    public string? Region { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public IncidentStatus Status { get; private set; }

    /// <summary>What was done, as its linked complaints are resolved with it and their customers told.</summary>
    public string? Resolution { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public Guid? CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static Incident Open(NewIncident data, Guid? createdById, DateTimeOffset now) => new(Guid.CreateVersion7(), data, createdById, now);

    /// <summary>Complaints may be linked only while the fault is open.</summary>
    public void EnsureOpen()
    {
        if (Status != IncidentStatus.Open)
        {
            throw new DomainException("incident.resolved", "The incident is resolved: no complaint can be linked to it any more.",
                new Dictionary<string, object?> { ["currentStatus"] = Status.ToString().ToLowerInvariant() });
        }
    }

    /// <summary>
    /// The fault is fixed: records the resolution and when it ended. Resolving again with the same resolution changes
    /// nothing (a batch that stopped half way is resumed by asking again); with another, 409.
    /// </summary>
    public void Resolve(string resolution, DateTimeOffset? endedAt, DateTimeOffset now)
    {
        var text = Guard.Text(resolution, ResolutionMaxLength, "resolution");
        if (Status == IncidentStatus.Resolved)
        {
            if (text != Resolution)
            {
                throw new DomainException("incident.resolved", "The incident is already resolved with another resolution.",
                    new Dictionary<string, object?> { ["currentStatus"] = "resolved" });
            }

            return;
        }

        if (endedAt is { } ended && ended < StartedAt)
        {
            throw new DomainException("incident.endedBeforeStart", "An incident cannot end before it started.");
        }

        (Status, Resolution, ResolvedAt, EndedAt, UpdatedAt) = (IncidentStatus.Resolved, text, now, endedAt ?? EndedAt ?? now, now);
    }

    private static string? Optional(string? text, int max, string field) => string.IsNullOrWhiteSpace(text) ? null : Guard.Text(text, max, field);
}

/// <summary>What an incident is opened with.</summary>
public sealed record NewIncident(string Title, string? Description, string Cause, string? Product, string? Region, DateTimeOffset StartedAt);
