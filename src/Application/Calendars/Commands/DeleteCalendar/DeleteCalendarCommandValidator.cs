using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Sla;
using FluentValidation;

namespace CustomerCare.Application.Calendars.Commands.DeleteCalendar;

public sealed class DeleteCalendarCommandValidator : AbstractValidator<DeleteCalendarCommand>
{
    public DeleteCalendarCommandValidator() =>
        RuleFor(c => c.Name).Must(CalendarNames.IsValid).WithMessage(_ => ValidationTexts.Get("CalendarName"));
}
