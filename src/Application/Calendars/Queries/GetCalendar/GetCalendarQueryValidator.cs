using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Sla;
using FluentValidation;

namespace CustomerCare.Application.Calendars.Queries.GetCalendar;

public sealed class GetCalendarQueryValidator : AbstractValidator<GetCalendarQuery>
{
    public GetCalendarQueryValidator() =>
        RuleFor(q => q.Name).Must(CalendarNames.IsValid).WithMessage(_ => ValidationTexts.Get("CalendarName"));
}
