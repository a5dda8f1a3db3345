using CustomerCare.Application.Common.Validation;
using FluentValidation;

namespace CustomerCare.Application.Reports;

/// <summary>The period every report takes: calendar days within years the business calendar can place, to not before from.</summary>
public static class ReportPeriodRules
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2999, 12, 31);

    public static void AddPeriodRules<T>(this AbstractValidator<T> validator, Func<T, DateOnly?> from, Func<T, DateOnly?> to)
    {
        validator.RuleFor(x => from(x)).InclusiveBetween(Earliest, Latest).OverridePropertyName("from");
        validator.RuleFor(x => to(x)).InclusiveBetween(Earliest, Latest).OverridePropertyName("to");
        validator.RuleFor(x => to(x)).GreaterThanOrEqualTo(x => from(x)).When(x => from(x) is not null && to(x) is not null)
            .WithMessage(_ => ValidationTexts.Get("NotBeforeFrom")).OverridePropertyName("to");
    }
}
