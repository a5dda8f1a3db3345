using FluentValidation;

namespace CustomerCare.Application.Reports.Queries.GetComplaintSummary;

public sealed class GetComplaintSummaryQueryValidator : AbstractValidator<GetComplaintSummaryQuery>
{
    public GetComplaintSummaryQueryValidator()
    {
        RuleFor(q => q.GroupBy).IsInEnum();
        this.AddPeriodRules(q => q.From, q => q.To);
    }
}
