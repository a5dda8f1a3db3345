using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.ApproveSolution;

public sealed class ApproveSolutionCommandValidator : AbstractValidator<ApproveSolutionCommand>
{
    public ApproveSolutionCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
