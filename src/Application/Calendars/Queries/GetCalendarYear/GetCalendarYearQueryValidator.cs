using CustomerCare.Application.Common.Validation;
using FluentValidation;

namespace CustomerCare.Application.Calendars.Queries.GetCalendarYear;

public sealed class GetCalendarYearQueryValidator : AbstractValidator<GetCalendarYearQuery>
{
    public GetCalendarYearQueryValidator()
    {
        RuleFor(q => q.Name).CalendarName();
        RuleFor(q => q.Year).InclusiveBetween(CalendarYearInput.FirstYear, CalendarYearInput.LastYear);
    }
}
