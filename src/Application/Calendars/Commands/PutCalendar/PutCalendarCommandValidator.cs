using CustomerCare.Application.Common.Validation;
using CustomerCare.Application.Settings.Commands.UpdateCalendarSettings;
using CustomerCare.Domain.Sla;
using FluentValidation;

namespace CustomerCare.Application.Calendars.Commands.PutCalendar;

public sealed class PutCalendarCommandValidator : CalendarSettingsCommandValidator<PutCalendarCommand>
{
    public PutCalendarCommandValidator() =>
        RuleFor(c => c.Name).Must(CalendarNames.IsValid).WithMessage(_ => ValidationTexts.Get("CalendarName"));
}
