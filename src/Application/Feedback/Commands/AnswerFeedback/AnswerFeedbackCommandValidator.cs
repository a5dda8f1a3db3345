using CustomerCare.Domain.Feedback;
using FluentValidation;

namespace CustomerCare.Application.Feedback.Commands.AnswerFeedback;

public sealed class AnswerFeedbackCommandValidator : AbstractValidator<AnswerFeedbackCommand>
{
    public AnswerFeedbackCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Answer).NotEmpty().MaximumLength(CustomerFeedback.AnswerMaxLength);
        RuleFor(c => c.Via).IsInEnum();
        RuleFor(c => c.ImprovementAction).MaximumLength(CustomerFeedback.ImprovementMaxLength);
        RuleFor(c => c.ImprovementAction).NotEmpty().When(c => c.Accepted == true).WithMessage("An accepted suggestion records the improvement action it leads to.");
        RuleFor(c => c.RewardPoints).InclusiveBetween(0, CustomerFeedback.MaxRewardPoints);
    }
}
