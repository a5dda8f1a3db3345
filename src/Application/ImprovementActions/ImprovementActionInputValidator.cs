using CustomerCare.Application.Common.Validation;
using CustomerCare.Application.Complaints;
using CustomerCare.Domain.ImprovementActions;
using FluentValidation;

namespace CustomerCare.Application.ImprovementActions;

public sealed class ImprovementActionInputValidator : AbstractValidator<ImprovementActionInput>
{
    public ImprovementActionInputValidator()
    {
        RuleFor(a => a.Title).NotEmpty().MaximumLength(ImprovementAction.TitleMaxLength);
        RuleFor(a => a.Description).MaximumLength(ImprovementAction.TextMaxLength);
        RuleFor(a => a.OwnerId).Required().NotEqual(Guid.Empty);
        RuleFor(a => a.DueOn).Required().InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(a => a.Category!).ClassificationCode().When(a => a.Category is not null);
        RuleFor(a => a.Cause!).ClassificationCode().When(a => a.Cause is not null);
        RuleFor(a => a.ComplaintIds).MaxItems(ImprovementAction.MaxLinks).WithMessage(_ => ValidationTexts.Format("LinksMax", ImprovementAction.MaxLinks));
        RuleFor(a => a.FeedbackIds).MaxItems(ImprovementAction.MaxLinks).WithMessage(_ => ValidationTexts.Format("LinksMax", ImprovementAction.MaxLinks));
        RuleFor(a => a.SurveyIds).MaxItems(ImprovementAction.MaxLinks).WithMessage(_ => ValidationTexts.Format("LinksMax", ImprovementAction.MaxLinks));
        RuleFor(a => a.IncidentIds).MaxItems(ImprovementAction.MaxLinks).WithMessage(_ => ValidationTexts.Format("LinksMax", ImprovementAction.MaxLinks));
        RuleForEach(a => a.ComplaintIds).NotEmpty();
        RuleForEach(a => a.FeedbackIds).NotEmpty();
        RuleForEach(a => a.SurveyIds).NotEmpty();
        RuleForEach(a => a.IncidentIds).NotEmpty();
    }
}
