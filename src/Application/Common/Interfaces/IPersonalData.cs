using CustomerCare.Domain.Customers;

namespace CustomerCare.Application.Common.Interfaces;

/// <summary>
/// Keyed hashes (blind indexes) of personal data: equal inputs give equal keys, so a customer is found by phone,
/// e-mail or name words without decrypting any row; without the secret key nothing can be learned from them.
/// </summary>
public interface IPersonalDataIndex
{
    /// <summary>The key of a normalised contact value.</summary>
    string ContactKey(ContactKind kind, string normalisedValue);

    /// <summary>
    /// The keys stored for a name: each word and the whole name (for names written without spaces); for a Chinese
    /// (CJK) name also its first character (the surname) and every two consecutive characters, so that part of it finds
    /// it (ADR 0013 says what these keys give away).
    /// </summary>
    IReadOnlyList<string> NameKeys(string name);

    /// <summary>
    /// The keys a name search needs all of: for text with Chinese characters, the surname key of a single character or
    /// the keys of every two consecutive characters (so <c>欧阳</c> finds <c>欧阳修</c>, <c>阳修</c> too); otherwise the
    /// words' keys, as stored.
    /// </summary>
    IReadOnlyList<string> NameSearchKeys(string query);
}

/// <summary>Brings contact values to one form, so that the same phone or e-mail typed differently matches.</summary>
public interface IContactNormaliser
{
    /// <summary>E.164 (<c>+8613800138000</c>), or null when the input is not a possible phone number.</summary>
    string? NormalisePhone(string input);

    string NormaliseEmail(string input);

    /// <summary>The normalised value of a contact point of any kind, or null when it is not valid for its kind.</summary>
    string? Normalise(ContactKind kind, string input) => kind switch
    {
        ContactKind.Phone => NormalisePhone(input),
        ContactKind.Email => NormaliseEmail(input),
        _ => input.Trim(),
    };
}
