using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Commands.ReceiveComplaint;
using CustomerCare.Application.Customers;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints;

/// <summary>
/// How a complaint comes in, one at a time or a batch at a time: an external reference a partner already used names
/// the existing complaint; the customer is named by id or matched by phone or e-mail, else created.
/// </summary>
public sealed class ComplaintIntake(IApplicationDbContext db, ICurrentUser user, IContactNormaliser normaliser, IPersonalDataIndex index, TimeProvider time)
{
    /// <summary>Categories found active in this unit of work (a batch checks each once).</summary>
    private readonly HashSet<string> _categories = new(StringComparer.Ordinal);

    /// <summary>The partner the complaints come from, if a partner is calling.</summary>
    public Guid? PartnerId => user.Kind == CallerKind.Partner ? user.Id : null;

    public static string? Reference(string? externalReference) =>
        string.IsNullOrWhiteSpace(externalReference) ? null : externalReference.Trim();

    public async Task<Complaint?> ExistingAsync(string? externalReference, CancellationToken ct) =>
        PartnerId is not { } partnerId || Reference(externalReference) is not { } reference
            ? null
            : await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.PartnerId == partnerId && c.ExternalReference == reference, ct);

    /// <summary>The partner's complaints with any of these references, by reference (one index lookup each).</summary>
    public async Task<Dictionary<string, (Guid Id, string Number)>> ExistingAsync(IReadOnlyCollection<string> references, CancellationToken ct)
    {
        if (PartnerId is not { } partnerId || references.Count == 0)
        {
            return new Dictionary<string, (Guid, string)>(StringComparer.Ordinal);
        }

        var found = await db.ComplaintsByReferenceAsync(partnerId, references, ct);
        return found.ToDictionary(c => c.ExternalReference, c => (c.Id, c.Number), StringComparer.Ordinal);
    }

    /// <summary>
    /// Looks up, for a batch of complaints at once, what <see cref="StageAsync"/> would otherwise ask the database one
    /// complaint at a time: the existing customers their contacts match (one query), which of those are key customers
    /// (one query), and their numbers (one round trip to the sequence). The customers an earlier batch still being saved
    /// creates (<paramref name="inFlight"/>) are matched as if it had been: the database cannot show them yet.
    /// </summary>
    public async Task<IntakeBatch> PrepareAsync(IReadOnlyList<ReceiveComplaintCommand> commands, IntakeBatch? inFlight, CancellationToken ct)
    {
        var batch = new IntakeBatch();
        var keys = commands.Where(c => c.Input.Customer is not null).SelectMany(c => ContactsOf(c.Input.Customer!, batch).Keys).Distinct().ToList();
        if (keys.Count > 0)
        {
            var matches = await db.Customers.AsNoTracking()
                .Where(c => c.ErasedAt == null && c.MergedIntoId == null)
                .SelectMany(c => c.ContactPoints.Where(p => keys.Contains(p.LookupKey)), (c, p) => new { p.LookupKey, c.Id, c.CreatedAt })
                .ToListAsync(ct);
            var wanted = keys.ToHashSet(StringComparer.Ordinal);
            var carried = inFlight?.Created.Where(c => wanted.Contains(c.Key)).Select(c => new { LookupKey = c.Key, c.Value.Id, c.Value.CreatedAt }).ToList() ?? [];
            batch.MatchesInFlight = carried.Count > 0;
            foreach (var match in matches.Concat(carried))
            {
                batch.Matched[match.LookupKey] = batch.Matched.TryGetValue(match.LookupKey, out var known) && known.CreatedAt <= match.CreatedAt
                    ? known
                    : (match.Id, match.CreatedAt);
            }

            var matchedIds = batch.Matched.Values.Select(m => m.Id).Distinct().ToList();
            if (matchedIds.Count > 0)
            {
                batch.KeyCustomers.UnionWith(await db.Customers.AsNoTracking()
                    .Where(c => matchedIds.Contains(c.Id) && db.CustomerGrades.Any(g => g.Code == c.Grade && g.IsKey))
                    .Select(c => c.Id).ToListAsync(ct));
            }
        }

        foreach (var number in await db.NextComplaintSequencesAsync(commands.Count, ct))
        {
            batch.Numbers.Enqueue(number);
        }

        return batch;
    }

    /// <summary>
    /// Adds the complaint (and a new customer, if need be) to the unit of work, unsaved. A <paramref name="batch"/>
    /// (<see cref="PrepareAsync"/>) brings the lookups done for the whole batch and remembers the customers created
    /// earlier in it, by contact key, so that a batch creates each person once.
    /// </summary>
    public async Task<Complaint> StageAsync(ReceiveComplaintCommand command, IntakeBatch? batch, CancellationToken ct)
    {
        var input = command.Input;
        var now = time.GetUtcNow();
        if (PartnerId is not null && input.CustomerId is not null)
        {
            // Customer records are not a partner's to name or probe: it sends the customer inline, matched invisibly.
            throw new ValidationException("customerId", "A partner sends the customer inline (customer: name, phone or e-mail), not a customer id.");
        }

        if (input.Category is { } category && !_categories.Contains(category))
        {
            await ClassificationRules.RoutingOfActiveCategoryAsync(db, category, "category", ct);
            _categories.Add(category); // only once found active: an unknown one is refused on every row that names it
        }

        var customerId = input.CustomerId is { } id
            ? await db.Customers.AnyAsync(c => c.Id == id && c.ErasedAt == null && c.MergedIntoId == null, ct)
                ? id
                : throw new ValidationException("customerId", "No customer has this id.")
            : await FindOrCreateCustomerAsync(input.Customer!, batch, now, ct);

        var keyCustomer = batch is not null && input.CustomerId is null
            ? batch.KeyCustomers.Contains(customerId)
            : db.FindTracked<Customer>(customerId) is { Grade: null } // created just now, ungraded: no query needed
                ? false
                : await CustomerGradeRules.IsKeyCustomerAsync(db, customerId, ct);
        var number = ComplaintNumbers.Format(now, batch is not null && batch.Numbers.TryDequeue(out var next) ? next : await db.NextComplaintSequenceAsync(ct));
        var complaint = Complaint.Receive(number, new NewComplaint(
            input.Channel!.Value, customerId, input.Title, input.Description, input.RemedySought, input.OccurredAt,
            now, input.Category, input.Severity, PartnerId, Reference(input.ExternalReference), Product: input.Product, Location: input.Location,
            Scope: input.Scope, KeyCustomer: keyCustomer), user.Actor(), now);
        db.Complaints.Add(complaint);
        return complaint;
    }

    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    /// <summary>Forgets everything staged since the last save (after a failed one).</summary>
    public void Discard() => db.DiscardChanges();

    /// <summary>
    /// An inline customer's phone and e-mail normalised, with their lookup keys: worked out once a customer (a phone number
    /// parsed and validated, a keyed hash each), and once a batch for the customers of a batch (<see cref="PrepareAsync"/>
    /// looks them up, <see cref="StageAsync"/> matches or creates them).
    /// </summary>
    private InlineContacts ContactsOf(InlineCustomer inline, IntakeBatch? batch)
    {
        if (batch is not null && batch.Contacts.TryGetValue(inline, out var known))
        {
            return known;
        }

        var phone = string.IsNullOrWhiteSpace(inline.Phone) ? null : normaliser.NormalisePhone(inline.Phone);
        var email = string.IsNullOrWhiteSpace(inline.Email) ? null : normaliser.NormaliseEmail(inline.Email);
        var contacts = new InlineContacts(
            phone is null ? null : new NewContactPoint(ContactKind.Phone, phone, null, index.ContactKey(ContactKind.Phone, phone), true),
            email is null ? null : new NewContactPoint(ContactKind.Email, email, null, index.ContactKey(ContactKind.Email, email), true));
        if (batch is not null)
        {
            batch.Contacts[inline] = contacts;
        }

        return contacts;
    }

    private async Task<Guid> FindOrCreateCustomerAsync(InlineCustomer inline, IntakeBatch? batch, DateTimeOffset now, CancellationToken ct)
    {
        var contacts = ContactsOf(inline, batch);
        var keys = contacts.Keys;
        if (batch is not null && keys.Select(k => batch.Created.TryGetValue(k, out var known) ? known.Id : (Guid?)null).FirstOrDefault(k => k is not null) is { } staged)
        {
            return staged;
        }

        var match = batch is not null
            ? keys.Where(batch.Matched.ContainsKey).Select(k => batch.Matched[k]).OrderBy(m => m.CreatedAt).Select(m => (Guid?)m.Id).FirstOrDefault()
            : await db.Customers.AsNoTracking()
                .Where(c => c.ErasedAt == null && c.MergedIntoId == null && c.ContactPoints.Any(p => keys.Contains(p.LookupKey)))
                .OrderBy(c => c.CreatedAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (match is { } found)
        {
            return found;
        }

        var (profile, _) = new CustomerInput(inline.Name, null, null, null, null, null, []).ToDomain(normaliser, index);
        var customer = Customer.Create(profile, [.. contacts.Points], now, PartnerId);
        db.Customers.Add(customer);
        db.Record(user, customer.Id, CustomerAccess.Created, now);
        foreach (var key in keys)
        {
            batch?.Created.TryAdd(key, (customer.Id, now));
        }

        return customer.Id;
    }
}

/// <summary>What <see cref="ComplaintIntake.PrepareAsync"/> looked up for a batch, and the customers the batch has created so far.</summary>
public sealed class IntakeBatch
{
    /// <summary>The earliest existing customer each contact key names.</summary>
    internal Dictionary<string, (Guid Id, DateTimeOffset CreatedAt)> Matched { get; } = new(StringComparer.Ordinal);

    internal HashSet<Guid> KeyCustomers { get; } = [];

    internal Queue<long> Numbers { get; } = new();

    /// <summary>
    /// Whether a contact of this batch names a customer the batch in flight creates: its complaints and what follows them
    /// (the customer's notifications) need that batch committed first.
    /// </summary>
    internal bool MatchesInFlight { get; set; }

    /// <summary>The batch's inline customers' contacts, normalised and keyed once (by the instance: a row's own).</summary>
    internal Dictionary<InlineCustomer, InlineContacts> Contacts { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Customers created in this batch, by contact key, with when.</summary>
    internal Dictionary<string, (Guid Id, DateTimeOffset CreatedAt)> Created { get; } = new(StringComparer.Ordinal);
}

/// <summary>An inline customer's contact points as a new customer has them (normalised, primary, with lookup keys).</summary>
internal sealed record InlineContacts(NewContactPoint? Phone, NewContactPoint? Email)
{
    /// <summary>The lookup keys, the phone's first.</summary>
    public IReadOnlyList<string> Keys { get; } = [.. new[] { Phone?.LookupKey, Email?.LookupKey }.OfType<string>()];

    public IEnumerable<NewContactPoint> Points => new[] { Phone, Email }.OfType<NewContactPoint>();
}
