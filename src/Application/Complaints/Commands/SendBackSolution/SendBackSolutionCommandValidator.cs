using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.SendBackSolution;

public sealed class SendBackSolutionCommandValidator : AbstractValidator<SendBackSolutionCommand>
{
    public SendBackSolutionCommandValidator(IValidator<SendBackSolutionInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class SendBackSolutionInputValidator : AbstractValidator<SendBackSolutionInput>
{
    public SendBackSolutionInputValidator() => RuleFor(i => i.Reason).NotEmpty().MaximumLength(Complaint.ReasonMaxLength);
}
