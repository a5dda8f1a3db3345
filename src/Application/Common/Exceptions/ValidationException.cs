using CustomerCare.Application.Common.Localization;
using CustomerCare.Domain.Common;
using FluentValidation.Results;

namespace CustomerCare.Application.Common.Exceptions;

/// <summary>One or more inputs of a command or query are invalid. Answered with 400 and the field errors.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException(IEnumerable<ValidationFailure> failures)
        : base("One or more validation errors occurred.")
    {
        Errors = failures
            .GroupBy(f => ToCamelCase(f.PropertyName), f => f.ErrorMessage)
            .ToDictionary(g => g.Key, g => g.Distinct().ToArray(), StringComparer.Ordinal);
    }

    /// <summary>One field's error, said in the caller's language (as FluentValidation's messages are).</summary>
    public ValidationException(string field, LocalizableText message)
        : this([new ValidationFailure(field, Texts.Say(message))])
    {
    }

    /// <summary>Field (camelCase JSON path) → messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    // FluentValidation names properties as declared (PascalCase, "Items[0].Name"); clients see JSON names.
    private static string ToCamelCase(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(part =>
            part.Length == 0 || char.IsLower(part[0]) ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
