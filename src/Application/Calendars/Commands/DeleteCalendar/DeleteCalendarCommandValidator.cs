using CustomerCare.Application.Common.Validation;
using FluentValidation;

namespace CustomerCare.Application.Calendars.Commands.DeleteCalendar;

public sealed class DeleteCalendarCommandValidator : AbstractValidator<DeleteCalendarCommand>
{
    public DeleteCalendarCommandValidator() =>
        RuleFor(c => c.Name).CalendarName();
}
