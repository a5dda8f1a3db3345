namespace CustomerCare.Domain.Common;

/// <summary>
/// A business rule refused a change. The API answers it with 409 Conflict; <see cref="Code"/> is a stable,
/// machine-readable name of the rule that clients may branch on.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string code, string message, IReadOnlyDictionary<string, object?>? details = null)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
        Details = details ?? new Dictionary<string, object?>();
    }

    public string Code { get; }

    /// <summary>Machine-readable facts about the refusal (e.g. the current state and what it allows), sent to clients.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }
}
