using FluentValidation;

namespace CustomerCare.Application.ImprovementActions.Queries.GetOverdueImprovementActions;

/// <summary>The report takes no parameters; the validator is here because every query has one.</summary>
public sealed class GetOverdueImprovementActionsQueryValidator : AbstractValidator<GetOverdueImprovementActionsQuery>;
