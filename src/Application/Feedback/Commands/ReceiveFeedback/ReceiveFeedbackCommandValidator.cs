using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Feedback;
using FluentValidation;

namespace CustomerCare.Application.Feedback.Commands.ReceiveFeedback;

public sealed class ReceiveFeedbackCommandValidator : AbstractValidator<ReceiveFeedbackCommand>
{
    public ReceiveFeedbackCommandValidator(IValidator<ReceiveFeedbackInput> input)
    {

        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class ReceiveFeedbackInputValidator : AbstractValidator<ReceiveFeedbackInput>
{
    public ReceiveFeedbackInputValidator()
    {
        RuleFor(c => c.Channel).Required();
        RuleFor(c => c.Kind).Required();
        RuleFor(c => c.CustomerId).NotEmpty();
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.Subject).NotEmpty().MaximumLength(CustomerFeedback.SubjectMaxLength);
        RuleFor(c => c.Text).NotEmpty().MaximumLength(CustomerFeedback.TextMaxLength);
    }
}
