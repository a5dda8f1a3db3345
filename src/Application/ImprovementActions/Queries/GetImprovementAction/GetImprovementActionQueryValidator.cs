using FluentValidation;

namespace CustomerCare.Application.ImprovementActions.Queries.GetImprovementAction;

public sealed class GetImprovementActionQueryValidator : AbstractValidator<GetImprovementActionQuery>
{
    public GetImprovementActionQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}
