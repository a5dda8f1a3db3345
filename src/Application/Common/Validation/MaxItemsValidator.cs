using System.Collections;
using FluentValidation;
using FluentValidation.Validators;

namespace CustomerCare.Application.Common.Validation;

/// <summary>A list's largest size, readable by the contract's schema filter (<c>maxItems</c>).</summary>
public interface IMaxItemsValidator
{
    int Max { get; }
}

public sealed class MaxItemsValidator<T, TCollection>(int max) : PropertyValidator<T, TCollection>, IMaxItemsValidator
{
    public int Max { get; } = max;

    public override string Name => "MaxItemsValidator";

    public override bool IsValid(ValidationContext<T> context, TCollection value)
    {
        if (value is not IEnumerable items)
        {
            return true;
        }

        var count = 0;
        foreach (var _ in items)
        {
            if (++count > Max)
            {
                return false;
            }
        }

        return true;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) => $"At most {Max} items.";
}

public static class ValidationRules
{
    /// <summary>At most <paramref name="max"/> items (null passes; pair with NotNull where the list is required).</summary>
    public static IRuleBuilderOptions<T, TCollection> MaxItems<T, TCollection>(this IRuleBuilder<T, TCollection> rule, int max) =>
        rule.SetValidator(new MaxItemsValidator<T, TCollection>(max));

    /// <summary>A business calendar's name (<see cref="Domain.Sla.CalendarNames"/>): lower-case letters, digits and hyphens.</summary>
    public static IRuleBuilderOptions<T, string?> CalendarName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Domain.Sla.CalendarNames.IsValid).WithMessage(_ => ValidationTexts.Get("CalendarName"));

    /// <summary>A value the client must send: null is refused with "Required.".</summary>
    public static IRuleBuilderOptions<T, TProperty> Required<T, TProperty>(this IRuleBuilder<T, TProperty> rule) =>
        rule.NotNull().WithMessage(_ => ValidationTexts.Get("Required"));
}
