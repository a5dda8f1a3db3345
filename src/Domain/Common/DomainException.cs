namespace CustomerCare.Domain.Common;

/// <summary>
/// A business rule refused a change. The API answers it with 409 Conflict; <see cref="Code"/> is a stable,
/// machine-readable name of the rule that clients may branch on.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string code, LocalizableText message, IReadOnlyDictionary<string, object?>? details = null)
        : base(message?.ToString())
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
        Text = message!;
        Details = details ?? new Dictionary<string, object?>();
    }

    public string Code { get; }

    /// <summary>The message as a text the API says in the caller's language (<see cref="Exception.Message"/> is its English).</summary>
    public LocalizableText Text { get; }

    /// <summary>Machine-readable facts about the refusal (e.g. the current state and what it allows), sent to clients.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }
}
