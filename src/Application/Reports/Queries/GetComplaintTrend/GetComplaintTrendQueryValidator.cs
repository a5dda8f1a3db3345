using FluentValidation;

namespace CustomerCare.Application.Reports.Queries.GetComplaintTrend;

public sealed class GetComplaintTrendQueryValidator : AbstractValidator<GetComplaintTrendQuery>
{
    public GetComplaintTrendQueryValidator()
    {
        RuleFor(q => q.Interval).IsInEnum();
        RuleFor(q => q.GroupBy).IsInEnum();
        this.AddPeriodRules(q => q.From, q => q.To);
    }
}
