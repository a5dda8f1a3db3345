namespace CustomerCare.Domain.Common;

/// <summary>
/// A business rule refused a change. The API answers it with 409 Conflict; <see cref="Code"/> is a stable,
/// machine-readable name of the rule that clients may branch on.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string code, string message)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
    }

    public string Code { get; }
}
