using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.ProposeSolution;

public sealed class ProposeSolutionCommandValidator : AbstractValidator<ProposeSolutionCommand>
{
    public ProposeSolutionCommandValidator(IValidator<ProposeSolutionInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class ProposeSolutionInputValidator : AbstractValidator<ProposeSolutionInput>
{
    public ProposeSolutionInputValidator(TimeProvider time)
    {
        RuleFor(c => c.CommunicatedVia).Required();
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(Investigation.TextMaxLength);
        RuleFor(c => c.CommunicatedVia).IsInEnum();
        RuleFor(c => c.CommunicatedAt).LessThanOrEqualTo(_ => time.GetUtcNow().AddMinutes(5)).WithMessage(_ => ValidationTexts.Get("NotInTheFuture"));
        RuleFor(c => c.Steps).MaxItems(SolutionStep.MaxStepsPerSolution).WithMessage(_ => ValidationTexts.Format("StepsMax", SolutionStep.MaxStepsPerSolution));
        RuleForEach(c => c.Steps).NotNull().WithMessage(_ => ValidationTexts.Get("StepNotNull"));
        RuleForEach(c => c.Steps).Where(s => s is not null).SetValidator(new SolutionStepInputValidator());
    }
}

public sealed class SolutionStepInputValidator : AbstractValidator<SolutionStepInput>
{
    public SolutionStepInputValidator()
    {
        RuleFor(s => s.Description).NotEmpty().MaximumLength(SolutionStep.DescriptionMaxLength);
        RuleFor(s => s.OwnerId).NotEqual(Guid.Empty);
    }
}
