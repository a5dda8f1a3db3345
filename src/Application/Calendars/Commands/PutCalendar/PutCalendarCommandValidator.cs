using CustomerCare.Application.Common.Validation;
using CustomerCare.Application.Settings.Commands.UpdateCalendarSettings;
using FluentValidation;

namespace CustomerCare.Application.Calendars.Commands.PutCalendar;

public sealed class PutCalendarCommandValidator : CalendarSettingsCommandValidator<PutCalendarCommand>
{
    public PutCalendarCommandValidator() =>
        RuleFor(c => c.Name).CalendarName();
}
