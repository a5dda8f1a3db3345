using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.CompleteSolutionStep;

public sealed class CompleteSolutionStepCommandValidator : AbstractValidator<CompleteSolutionStepCommand>
{
    public CompleteSolutionStepCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Number).InclusiveBetween(1, SolutionStep.MaxStepsPerSolution);
    }
}
