using FluentValidation;

namespace CustomerCare.Application.Reports.Queries.GetStaffPerformance;

public sealed class GetStaffPerformanceQueryValidator : AbstractValidator<GetStaffPerformanceQuery>
{
    public GetStaffPerformanceQueryValidator() => this.AddPeriodRules(q => q.From, q => q.To);
}
