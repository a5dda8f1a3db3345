using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Customers;

/// <summary>
/// A person (or a company's contact) who complains, gives feedback or answers surveys. Name and contact
/// values are personal data: encrypted at rest, found through keyed hashes, erasable on request while the
/// record itself (and the statistics that count it) stays.
/// </summary>
public sealed class Customer : AggregateRoot
{
    public const int NameMaxLength = 200;
    public const int CompanyMaxLength = 200;
    public const int SegmentMaxLength = 40;
    public const int LanguageMaxLength = 35;
    public const int TimeZoneMaxLength = 64;
    public const int MaxContactPoints = 20;
    public const int MaxFollowUpEveryMonths = 24;
    public const string DefaultSegment = "standard";
    public const string ErasedName = "(erased)";

    private readonly List<ContactPoint> _contactPoints = [];
    private List<string> _nameKeys = [];

    private Customer()
    {
        Name = string.Empty;
        Segment = DefaultSegment;
        Consent = CustomerConsent.None;
    }

    private Customer(Guid id, DateTimeOffset now, Guid? sourcePartnerId)
        : base(id)
    {
        Name = string.Empty;
        Segment = DefaultSegment;
        Consent = CustomerConsent.None;
        SourcePartnerId = sourcePartnerId;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public string Name { get; private set; }

    /// <summary>Keyed hashes of the name's words, for search by name without decrypting.</summary>
    public IReadOnlyList<string> NameKeys => _nameKeys;

    public string? Company { get; private set; }

    /// <summary>Lower case: <c>standard</c>, <c>vip</c>, or any segment the operator uses.</summary>
    public string Segment { get; private set; }

    public Channel? PreferredChannel { get; private set; }

    /// <summary>BCP 47 language tag (<c>zh-CN</c>, <c>en</c>).</summary>
    public string? PreferredLanguage { get; private set; }

    /// <summary>
    /// The IANA time zone the customer lives in (<c>Asia/Shanghai</c>, <c>Europe/Berlin</c>): times we tell them are
    /// written on its clock; without one, on the business calendar's.
    /// </summary>
    public string? TimeZone { get; private set; }

    public CustomerConsent Consent { get; private set; }

    /// <summary>The code of the customer's <see cref="CustomerGrade"/>, if they have one.</summary>
    public string? Grade { get; private set; }

    /// <summary>Personal data, encrypted at rest like the name; erased with the customer.</summary>
    public DateOnly? Birthday { get; private set; }

    /// <summary>
    /// The birthday's month and day as <c>month * 100 + day</c> (<c>1231</c>), kept in clear so that birthday greetings
    /// can be scheduled without decrypting every birthday (the year stays encrypted; ADR 0014); erased with the customer.
    /// </summary>
    public int? BirthMonthDay { get; private set; }

    /// <summary>The follow-up plan of a key customer: a contact every this many months; null without a plan.</summary>
    public int? FollowUpEveryMonths { get; private set; }

    /// <summary>Who makes the planned contacts; null: whoever picks them up.</summary>
    public Guid? FollowUpOwnerId { get; private set; }

    public IReadOnlyList<ContactPoint> ContactPoints => _contactPoints.AsReadOnly();

    /// <summary>The partner whose system created the record, if one did.</summary>
    public Guid? SourcePartnerId { get; private set; }

    public Guid? MergedIntoId { get; private set; }

    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>Reward points granted for feedback, in total.</summary>
    public int RewardPoints { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsErased => ErasedAt is not null;

    public bool IsMerged => MergedIntoId is not null;

    public static Customer Create(CustomerProfile profile, IEnumerable<NewContactPoint> contacts, DateTimeOffset now, Guid? sourcePartnerId = null)
    {
        var customer = new Customer(Guid.CreateVersion7(), now, sourcePartnerId);
        customer.Apply(profile, contacts, now);
        return customer;
    }

    /// <summary>Replaces the profile and the contact points.</summary>
    public void Update(CustomerProfile profile, IEnumerable<NewContactPoint> contacts, DateTimeOffset now)
    {
        EnsureLive();
        Apply(profile, contacts, now);
    }

    /// <summary>
    /// Takes over a duplicate record of the same person: its contact points join this record (those already
    /// here are not repeated) and the duplicate becomes a pointer to this one.
    /// </summary>
    public void Absorb(Customer duplicate, DateTimeOffset now)
    {
        EnsureLive();
        duplicate.EnsureLive();
        if (duplicate.Id == Id)
        {
            throw new DomainException("customer.mergeSelf", "A customer cannot be merged with itself.");
        }

        var known = _contactPoints.Select(c => (c.Kind, c.LookupKey)).ToHashSet();
        var joining = duplicate._contactPoints.Where(c => !known.Contains((c.Kind, c.LookupKey))).ToList();
        if (_contactPoints.Count + joining.Count > MaxContactPoints)
        {
            throw new DomainException("customer.tooManyContacts", $"Together the records hold more than {MaxContactPoints} contact points.");
        }

        foreach (var contact in joining)
        {
            var primary = contact.IsPrimary && !_contactPoints.Any(c => c.Kind == contact.Kind && c.IsPrimary);
            _contactPoints.Add(new ContactPoint(Guid.CreateVersion7(), Id, contact.Kind, contact.Value, contact.Platform, contact.LookupKey, primary));
        }

        RewardPoints += duplicate.RewardPoints;
        duplicate.RewardPoints = 0;
        Company ??= duplicate.Company;
        PreferredChannel ??= duplicate.PreferredChannel;
        PreferredLanguage ??= duplicate.PreferredLanguage;
        TimeZone ??= duplicate.TimeZone;
        Grade ??= duplicate.Grade;
        if (Birthday is null)
        {
            (Birthday, BirthMonthDay) = (duplicate.Birthday, duplicate.BirthMonthDay);
        }

        _nameKeys = _nameKeys.Union(duplicate._nameKeys).ToList();
        UpdatedAt = now;

        duplicate.ClearPersonalData();
        duplicate.EndFollowUpPlan(now);
        duplicate.MergedIntoId = Id;
        duplicate.UpdatedAt = now;
    }

    /// <summary>Adds points granted for the customer's feedback.</summary>
    public void GrantRewardPoints(int points, DateTimeOffset now)
    {
        if (points <= 0)
        {
            return;
        }

        EnsureLive();
        RewardPoints = checked(RewardPoints + points);
        UpdatedAt = now;
    }

    /// <summary>
    /// Plans a contact with this key customer every <paramref name="everyMonths"/> months, the first on
    /// <paramref name="firstOn"/>, made by <paramref name="ownerId"/>; replaces any plan there was.
    /// </summary>
    public void PlanFollowUps(bool isKeyCustomer, int everyMonths, DateOnly firstOn, Guid? ownerId, DateTimeOffset now)
    {
        EnsureLive();
        if (!isKeyCustomer)
        {
            throw new DomainException("customer.notKey", "Only a key customer (one whose grade is a key grade) has a follow-up plan.",
                new Dictionary<string, object?> { ["grade"] = Grade });
        }

        if (everyMonths is < 1 or > MaxFollowUpEveryMonths)
        {
            throw new DomainException("customer.followUpInterval", $"A follow-up plan contacts the customer every 1 to {MaxFollowUpEveryMonths} months.");
        }

        (FollowUpEveryMonths, FollowUpOwnerId, UpdatedAt) = (everyMonths, ownerId, now);
        Raise(new CustomerFollowUpPlanChanged(Id, everyMonths, ownerId, firstOn, now));
    }

    /// <summary>Ends the follow-up plan; the open planned contact is cancelled. Nothing happens without a plan.</summary>
    public void EndFollowUpPlan(DateTimeOffset now)
    {
        if (FollowUpEveryMonths is null)
        {
            return;
        }

        (FollowUpEveryMonths, FollowUpOwnerId, UpdatedAt) = (null, null, now);
        Raise(new CustomerFollowUpPlanChanged(Id, null, null, null, now));
    }

    /// <summary>Anonymises the record for good: name, birthday, contact points, language and consents go (and the follow-up plan ends); the record stays.</summary>
    public void Erase(DateTimeOffset now)
    {
        if (IsErased)
        {
            return;
        }

        ClearPersonalData();
        EndFollowUpPlan(now);
        ErasedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Replaces the name's blind-index keys when the way they are made changes (not a change of the customer: nothing else moves).</summary>
    public void ReindexName(IReadOnlyList<string> nameKeys) => _nameKeys = nameKeys.Distinct(StringComparer.Ordinal).ToList();

    private void ClearPersonalData()
    {
        Name = ErasedName;
        _nameKeys = [];
        Birthday = null;
        BirthMonthDay = null;
        _contactPoints.Clear();
        PreferredLanguage = null;
        TimeZone = null;
        Consent = CustomerConsent.None;
    }

    private void EnsureLive()
    {
        if (IsErased)
        {
            throw new DomainException("customer.erased", "The customer's personal data was erased; the record cannot change.");
        }

        if (IsMerged)
        {
            throw new DomainException("customer.merged", $"The customer was merged into {MergedIntoId}; change that record instead.");
        }
    }

    private void Apply(CustomerProfile profile, IEnumerable<NewContactPoint> contacts, DateTimeOffset now)
    {
        var list = contacts.ToList();
        if (list.Count > MaxContactPoints)
        {
            throw new DomainException("customer.tooManyContacts", $"A customer has at most {MaxContactPoints} contact points.");
        }

        Name = Guard.Text(profile.Name, NameMaxLength, "name");
        _nameKeys = profile.NameKeys.Distinct(StringComparer.Ordinal).ToList();
        Company = string.IsNullOrWhiteSpace(profile.Company) ? null : Guard.Text(profile.Company, CompanyMaxLength, "company");
        Segment = string.IsNullOrWhiteSpace(profile.Segment) ? DefaultSegment : Guard.Text(profile.Segment, SegmentMaxLength, "segment").ToLowerInvariant();
        PreferredChannel = profile.PreferredChannel;
        PreferredLanguage = string.IsNullOrWhiteSpace(profile.PreferredLanguage) ? null : Guard.Text(profile.PreferredLanguage, LanguageMaxLength, "preferredLanguage");
        TimeZone = string.IsNullOrWhiteSpace(profile.TimeZone) ? null : Guard.Text(profile.TimeZone, TimeZoneMaxLength, "timeZone");
        Consent = profile.Consent;
        Grade = string.IsNullOrWhiteSpace(profile.Grade) ? null : profile.Grade;
        Birthday = profile.Birthday;
        BirthMonthDay = profile.Birthday is { } birthday ? (birthday.Month * 100) + birthday.Day : null;

        _contactPoints.Clear();
        foreach (var group in list.DistinctBy(c => (c.Kind, c.LookupKey)).GroupBy(c => c.Kind))
        {
            var items = group.ToList();
            // Exactly one primary per kind: the one marked, else the first.
            var primary = items.FindIndex(c => c.IsPrimary) is var marked and >= 0 ? marked : 0;
            for (var i = 0; i < items.Count; i++)
            {
                var c = items[i];
                _contactPoints.Add(new ContactPoint(Guid.CreateVersion7(), Id, c.Kind, c.Value, c.Platform, c.LookupKey, i == primary));
            }
        }

        UpdatedAt = now;
    }
}

/// <summary>The profile fields of a customer as the application hands them to the aggregate.</summary>
public sealed record CustomerProfile(
    string Name, IReadOnlyList<string> NameKeys, string? Company, string? Segment, Channel? PreferredChannel,
    string? PreferredLanguage, CustomerConsent Consent, string? TimeZone = null, string? Grade = null, DateOnly? Birthday = null);

/// <summary>A customer's follow-up plan was set (every N months from a first day) or ended (all null).</summary>
public sealed record CustomerFollowUpPlanChanged(Guid CustomerId, int? EveryMonths, Guid? OwnerId, DateOnly? FirstOn, DateTimeOffset OccurredAt) : IDomainEvent;
