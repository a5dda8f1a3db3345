using System.Security.Cryptography;
using System.Text;
using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Complaints;

/// <summary>
/// A customer's request to look up their complaint without an account: a complaint number and a phone number or e-mail
/// address. Every request is recorded — matched or not, so that limits apply alike and an answer never tells whether a
/// number or an address exists; a matched one holds a one-time code (only its hash) sent to that address, valid for a
/// few minutes, used once, and void after a few wrong tries.
/// </summary>
public sealed class StatusLookup : Entity
{
    public const int CodeLength = 6;
    public const int MaxFailedAttempts = 5;
    public const int KeyMaxLength = 128;

    private StatusLookup()
    {
        NumberKey = string.Empty;
        ContactKey = string.Empty;
    }

    private StatusLookup(Guid id, string numberKey, string contactKey, Guid? complaintId, DateTimeOffset now, TimeSpan validFor)
        : base(id)
    {
        NumberKey = numberKey;
        ContactKey = contactKey;
        ComplaintId = complaintId;
        CreatedAt = now;
        ExpiresAt = now + validFor;
    }

    /// <summary>The complaint number as asked for (upper case).</summary>
    public string NumberKey { get; private set; }

    /// <summary>The blind index of the normalised phone number or e-mail address given.</summary>
    public string ContactKey { get; private set; }

    /// <summary>The complaint, when the number and the address belong together; null otherwise.</summary>
    public Guid? ComplaintId { get; private set; }

    public string? CodeHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public int FailedAttempts { get; private set; }

    /// <summary>A request; when it matched a complaint, the code to send (returned once, only its hash is kept).</summary>
    public static (StatusLookup Lookup, string? Code) Request(string numberKey, string contactKey, Guid? complaintId, DateTimeOffset now, TimeSpan validFor)
    {
        var lookup = new StatusLookup(Guid.CreateVersion7(), numberKey, contactKey, complaintId, now, validFor);
        if (complaintId is null)
        {
            return (lookup, null);
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        lookup.CodeHash = lookup.Hash(code);
        return (lookup, code);
    }

    /// <summary>Whether <paramref name="code"/> opens this lookup now; a right one is used up, a wrong one counts.</summary>
    public bool Accept(string code, DateTimeOffset now)
    {
        if (CodeHash is null || UsedAt is not null || now >= ExpiresAt || FailedAttempts >= MaxFailedAttempts)
        {
            FailedAttempts++; // counted alike whether or not a code exists: the limits tell nothing
            return false;
        }

        if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(code ?? string.Empty)), Encoding.ASCII.GetBytes(CodeHash)))
        {
            UsedAt = now;
            return true;
        }

        FailedAttempts++;
        return false;
    }

    private string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Id:N}:{code}")));
}
