using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.ProposeSolution;

public sealed class ProposeSolutionCommandValidator : AbstractValidator<ProposeSolutionCommand>
{
    public ProposeSolutionCommandValidator(TimeProvider time)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(Investigation.TextMaxLength);
        RuleFor(c => c.CommunicatedVia).IsInEnum();
        RuleFor(c => c.CommunicatedAt).LessThanOrEqualTo(_ => time.GetUtcNow().AddMinutes(5)).WithMessage("Cannot lie in the future.");
        RuleFor(c => c.Steps).Must(s => s is null || s.Count <= SolutionStep.MaxStepsPerSolution)
            .WithMessage($"At most {SolutionStep.MaxStepsPerSolution} steps.");
        RuleForEach(c => c.Steps).NotNull().WithMessage("A step cannot be null.");
        RuleForEach(c => c.Steps).Where(s => s is not null).ChildRules(step =>
        {
            step.RuleFor(s => s.Description).NotEmpty().MaximumLength(SolutionStep.DescriptionMaxLength);
            step.RuleFor(s => s.OwnerId).NotEqual(Guid.Empty);
        });
    }
}
