using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Validation;
using FluentValidation;

namespace CustomerCare.Application.Common.Security;

public static class PasswordRules
{
    public const int MaxLength = 128;

    // Shorter local parts ("li@…") occur inside too many good passwords to forbid them.
    private const int MinEmailPartLength = 4;

    // A short list of the passwords people choose first; the length rule catches most of the rest.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password1234", "password12345", "123456789012", "qwertyuiop12", "administrator", "letmein12345",
        "welcome12345", "changeme1234", "customercare1", "iloveyou1234", "passw0rd1234", "1234567890ab",
    };

    /// <summary>The password policy: length, mixed characters, not a common password, not the e-mail itself. A missing one is "empty".</summary>
    public static IRuleBuilderOptions<T, string> Password<T>(
        this IRuleBuilder<T, string> rule, PasswordPolicyOptions policy, Func<T, string?>? email = null) =>
        rule
            .NotEmpty()
            .MinimumLength(policy.MinLength)
            .MaximumLength(MaxLength)
            .Must(p => p is null || !policy.RequireMixedCharacters || (p.Any(char.IsLetter) && p.Any(c => !char.IsLetter(c))))
            .WithMessage(_ => ValidationTexts.Get("PasswordComplexity"))
            .Must(p => p is null || !Common.Contains(p)).WithMessage(_ => ValidationTexts.Get("PasswordTooCommon"))
            .Must((owner, p) => p is null || email?.Invoke(owner)?.Split('@')[0] is not { Length: >= MinEmailPartLength } local
                || !p.Contains(local, StringComparison.OrdinalIgnoreCase))
            .WithMessage(_ => ValidationTexts.Get("PasswordContainsEmail"));
}
