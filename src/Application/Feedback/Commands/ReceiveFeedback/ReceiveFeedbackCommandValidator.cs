using CustomerCare.Domain.Feedback;
using FluentValidation;

namespace CustomerCare.Application.Feedback.Commands.ReceiveFeedback;

public sealed class ReceiveFeedbackCommandValidator : AbstractValidator<ReceiveFeedbackCommand>
{
    public ReceiveFeedbackCommandValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty();
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.Subject).NotEmpty().MaximumLength(CustomerFeedback.SubjectMaxLength);
        RuleFor(c => c.Text).NotEmpty().MaximumLength(CustomerFeedback.TextMaxLength);
    }
}
