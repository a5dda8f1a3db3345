using CustomerCare.Application.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Causes.Queries.GetCause;

public sealed class GetCauseQueryValidator : AbstractValidator<GetCauseQuery>
{
    public GetCauseQueryValidator() => RuleFor(q => q.Code).ClassificationCode();
}
