using CustomerCare.Application.Common.Validation;
using FluentValidation;

namespace CustomerCare.Application.Calendars.Commands.PutCalendarYear;

public sealed class PutCalendarYearCommandValidator : AbstractValidator<PutCalendarYearCommand>
{
    public PutCalendarYearCommandValidator(IValidator<CalendarYearInput> input)
    {
        RuleFor(c => c.Name).CalendarName();
        RuleFor(c => c.Year).InclusiveBetween(CalendarYearInput.FirstYear, CalendarYearInput.LastYear);
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
        RuleFor(c => c.Input.Holidays).Must((c, days) => days is null || days.All(d => d.Year == c.Year))
            .When(c => c.Input is not null).OverridePropertyName("holidays")
            .WithMessage(c => ValidationTexts.Format("DaysOfTheYear", c.Year));
        RuleFor(c => c.Input.MakeUpWorkingDays).Must((c, days) => days is null || days.All(d => d.Year == c.Year))
            .When(c => c.Input is not null).OverridePropertyName("makeUpWorkingDays")
            .WithMessage(c => ValidationTexts.Format("DaysOfTheYear", c.Year));
    }
}
