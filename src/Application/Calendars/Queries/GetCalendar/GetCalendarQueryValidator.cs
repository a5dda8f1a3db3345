using CustomerCare.Application.Common.Validation;
using FluentValidation;

namespace CustomerCare.Application.Calendars.Queries.GetCalendar;

public sealed class GetCalendarQueryValidator : AbstractValidator<GetCalendarQuery>
{
    public GetCalendarQueryValidator() =>
        RuleFor(q => q.Name).CalendarName();
}
