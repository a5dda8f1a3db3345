using FluentValidation;

namespace CustomerCare.Application.Feedback.Queries.GetFeedback;

public sealed class GetFeedbackQueryValidator : AbstractValidator<GetFeedbackQuery>
{
    public GetFeedbackQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}
