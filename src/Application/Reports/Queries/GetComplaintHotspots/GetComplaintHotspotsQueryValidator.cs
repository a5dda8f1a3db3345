using FluentValidation;

namespace CustomerCare.Application.Reports.Queries.GetComplaintHotspots;

public sealed class GetComplaintHotspotsQueryValidator : AbstractValidator<GetComplaintHotspotsQuery>
{
    public const int MaxTop = 50;

    public GetComplaintHotspotsQueryValidator()
    {
        RuleFor(q => q.Top).InclusiveBetween(1, MaxTop);
        this.AddPeriodRules(q => q.From, q => q.To);
    }
}
