using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Surveys;

/// <summary>When a campaign sends its invitations.</summary>
public enum CampaignSchedule
{
    Once,
    Quarterly,
    HalfYearly,
    Yearly,

    /// <summary>One invitation per complaint, when it closes, about how the complaint was handled (ISO 10002 §9.3).</summary>
    AfterComplaintClosed,
}

/// <summary>
/// A template sent to customers: to a segment or a list of customers on a schedule (each run is a wave of invitations
/// asking the template's then current version), or to the customer of every complaint that closes.
/// </summary>
public sealed class SurveyCampaign : AggregateRoot
{
    public const int NameMaxLength = 200;
    public const int ProductMaxLength = 80;
    public const int MaxListedCustomers = 10_000;
    public const int MinResponseDays = 1;
    public const int MaxResponseDays = 180;

    private SurveyCampaign()
    {
        Name = string.Empty;
    }

    private SurveyCampaign(Guid id, Guid templateId, string name, CampaignSchedule schedule, CampaignAudience audience, Channel channel,
        string? product, int responseDays, DateTimeOffset startsAt, DateTimeOffset now)
        : base(id)
    {
        TemplateId = templateId;
        Name = Guard.Text(name, NameMaxLength, "name");
        Schedule = Enum.IsDefined(schedule) ? schedule : throw new DomainException("campaign.schedule", "Unknown schedule.");
        Channel = channel;
        Product = string.IsNullOrWhiteSpace(product) ? null : Guard.Text(product, ProductMaxLength, "product");
        ResponseDays = responseDays is >= MinResponseDays and <= MaxResponseDays
            ? responseDays
            : throw new DomainException("campaign.responseDays", $"Invitations stay valid {MinResponseDays}–{MaxResponseDays} days.");
        if (schedule == CampaignSchedule.AfterComplaintClosed)
        {
            if (audience.Segment is not null || audience.CustomerIds.Count > 0)
            {
                throw new DomainException("campaign.audience", "A post-closure campaign asks the customer of each closed complaint; it takes no segment or list.");
            }
        }
        else
        {
            if ((audience.Segment is null) == (audience.CustomerIds.Count == 0))
            {
                throw new DomainException("campaign.audience", "Name either a customer segment or a list of customers.");
            }

            if (audience.CustomerIds.Count > MaxListedCustomers)
            {
                throw new DomainException("campaign.audience", $"A list names at most {MaxListedCustomers} customers; use a segment for more.");
            }

            Segment = audience.Segment?.Trim().ToLowerInvariant();
            CustomerIds = audience.CustomerIds.Distinct().ToArray();
            NextRunAt = startsAt;
        }

        StartsAt = startsAt;
        IsActive = true;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid TemplateId { get; private set; }

    public string Name { get; private set; }

    public CampaignSchedule Schedule { get; private set; }

    /// <summary>The segment asked (lower case), or null when the campaign names its customers.</summary>
    public string? Segment { get; private set; }

    public Guid[] CustomerIds { get; private set; } = [];

    /// <summary>The channel invitations go out by.</summary>
    public Channel Channel { get; private set; }

    /// <summary>The product the campaign asks about, if it is about one.</summary>
    public string? Product { get; private set; }

    /// <summary>How many days an invitation's link stays valid.</summary>
    public int ResponseDays { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>When the next wave goes out; null once a one-off has run, for post-closure campaigns, and when stopped.</summary>
    public DateTimeOffset? NextRunAt { get; private set; }

    /// <summary>The number of waves started.</summary>
    public int Waves { get; private set; }

    /// <summary>The wave whose invitations are still being written (null when none is).</summary>
    public int? OpenWave { get; private set; }

    /// <summary>The template version the open wave asks (fixed when it opens).</summary>
    public int? OpenWaveTemplateVersion { get; private set; }

    public DateTimeOffset? LastRunAt { get; private set; }

    /// <summary>Invitations written by the scheduled waves, in total.</summary>
    public int InvitationsWritten { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsAfterClosure => Schedule == CampaignSchedule.AfterComplaintClosed;

    public static SurveyCampaign Create(Guid templateId, string name, CampaignSchedule schedule, CampaignAudience audience, Channel channel,
        string? product, int responseDays, DateTimeOffset? startsAt, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), templateId, name, schedule, audience, channel, product, responseDays, startsAt ?? now, now);

    public bool IsDue(DateTimeOffset now) => IsActive && OpenWave is null && NextRunAt is { } next && next <= now;

    /// <summary>
    /// Opens the next wave and moves the schedule on past <paramref name="now"/> (a run missed while nothing was
    /// running is not repeated). Returns the wave's number.
    /// </summary>
    public int StartWave(int templateVersion, DateTimeOffset now)
    {
        if (!IsDue(now))
        {
            throw new DomainException("campaign.notDue", "The campaign has no wave due.");
        }

        Waves++;
        OpenWave = Waves;
        OpenWaveTemplateVersion = templateVersion;
        LastRunAt = now;
        var next = NextRunAt!.Value;
        var months = Schedule switch
        {
            CampaignSchedule.Quarterly => 3,
            CampaignSchedule.HalfYearly => 6,
            CampaignSchedule.Yearly => 12,
            _ => 0,
        };
        if (months == 0)
        {
            NextRunAt = null;
        }
        else
        {
            // Counted from the start (31 January, quarterly: 30 April, 31 July, …), skipping runs already past.
            var i = 1;
            var following = StartsAt.AddMonths(months);
            while (following <= next || following <= now)
            {
                following = StartsAt.AddMonths(months * ++i);
            }

            NextRunAt = following;
        }

        UpdatedAt = now;
        return Waves;
    }

    /// <summary>
    /// Notes a batch of the open wave's invitations, in the same save as the batch: two writers of one wave then
    /// collide on the campaign's row version and only one batch commits.
    /// </summary>
    public void RecordBatch(int invitations, DateTimeOffset now)
    {
        if (OpenWave is null)
        {
            throw new DomainException("campaign.noOpenWave", "No wave is open.");
        }

        UpdatedAt = now;
        InvitationsWritten += invitations;
    }

    /// <summary>Every invitation of the open wave is written.</summary>
    public void CompleteWave(DateTimeOffset now)
    {
        OpenWave = null;
        OpenWaveTemplateVersion = null;
        UpdatedAt = now;
    }

    /// <summary>No more waves (the wave being written, if any, is still finished).</summary>
    public void Stop(DateTimeOffset now)
    {
        if (!IsActive)
        {
            return;
        }

        IsActive = false;
        NextRunAt = null;
        UpdatedAt = now;
    }

    public DateTimeOffset ExpiryFor(DateTimeOffset sentAt) => sentAt.AddDays(ResponseDays);
}

/// <summary>Who a scheduled campaign asks: a segment, or named customers.</summary>
public sealed record CampaignAudience(string? Segment, IReadOnlyList<Guid> CustomerIds)
{
    public static readonly CampaignAudience None = new(null, []);
}
