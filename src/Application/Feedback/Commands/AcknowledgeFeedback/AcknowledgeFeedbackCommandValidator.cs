using FluentValidation;

namespace CustomerCare.Application.Feedback.Commands.AcknowledgeFeedback;

public sealed class AcknowledgeFeedbackCommandValidator : AbstractValidator<AcknowledgeFeedbackCommand>
{
    public AcknowledgeFeedbackCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
