using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Feedback;
using FluentValidation;

namespace CustomerCare.Application.Feedback.Commands.AnswerFeedback;

public sealed class AnswerFeedbackCommandValidator : AbstractValidator<AnswerFeedbackCommand>
{
    public AnswerFeedbackCommandValidator(IValidator<AnswerFeedbackInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class AnswerFeedbackInputValidator : AbstractValidator<AnswerFeedbackInput>
{
    public AnswerFeedbackInputValidator()
    {
        RuleFor(c => c.Answer).NotEmpty().MaximumLength(CustomerFeedback.AnswerMaxLength);
        RuleFor(c => c.Via).IsInEnum();
        RuleFor(c => c.ImprovementActionId).NotEmpty().When(c => c.Accepted == true).WithMessage(_ => ValidationTexts.Get("ImprovementActionRequired"));
        RuleFor(c => c.RewardPoints).InclusiveBetween(0, CustomerFeedback.MaxRewardPoints);
    }
}
