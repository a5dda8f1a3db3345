using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Sla;
using FluentValidation;

namespace CustomerCare.Application.Calendars.Queries.GetCalendarYear;

public sealed class GetCalendarYearQueryValidator : AbstractValidator<GetCalendarYearQuery>
{
    public GetCalendarYearQueryValidator()
    {
        RuleFor(q => q.Name).Must(CalendarNames.IsValid).WithMessage(_ => ValidationTexts.Get("CalendarName"));
        RuleFor(q => q.Year).InclusiveBetween(CalendarYearInput.FirstYear, CalendarYearInput.LastYear);
    }
}
