using FluentValidation;

namespace CustomerCare.Application.Feedback.Commands.StartFeedback;

public sealed class StartFeedbackCommandValidator : AbstractValidator<StartFeedbackCommand>
{
    public StartFeedbackCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.HandlerId).NotEqual(Guid.Empty);
    }
}
