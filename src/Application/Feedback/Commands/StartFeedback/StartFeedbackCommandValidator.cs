using FluentValidation;

namespace CustomerCare.Application.Feedback.Commands.StartFeedback;

public sealed class StartFeedbackCommandValidator : AbstractValidator<StartFeedbackCommand>
{
    public StartFeedbackCommandValidator(IValidator<StartFeedbackInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class StartFeedbackInputValidator : AbstractValidator<StartFeedbackInput>
{
    public StartFeedbackInputValidator()
    {
        RuleFor(c => c.HandlerId).NotEqual(Guid.Empty);
    }
}
