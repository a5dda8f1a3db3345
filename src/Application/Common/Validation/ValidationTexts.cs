using System.Globalization;
using System.Resources;

namespace CustomerCare.Application.Common.Validation;

/// <summary>
/// Our own validation messages (Resources/ValidationMessages.*.resx), in the caller's language (the UI culture the API
/// sets from Accept-Language); FluentValidation's built-in messages follow the same culture. Read when a rule fails, not
/// when the validator is built: <c>.WithMessage(_ =&gt; ValidationTexts.Get("…"))</c>.
/// </summary>
public static class ValidationTexts
{
    private static readonly ResourceManager Texts = new("CustomerCare.Application.Resources.ValidationMessages", typeof(ValidationTexts).Assembly);

    public static string Get(string key) =>
        Texts.GetString(key, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"No validation message '{key}'.");

    public static string Format(string key, params object?[] arguments) => string.Format(CultureInfo.InvariantCulture, Get(key), arguments);
}
