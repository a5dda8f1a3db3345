using CustomerCare.Application.Common.Validation;
using CustomerCare.Application.Complaints;
using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Incidents.Commands.LinkComplaintsToIncident;

public sealed class LinkComplaintsToIncidentCommandValidator : AbstractValidator<LinkComplaintsToIncidentCommand>
{
    public LinkComplaintsToIncidentCommandValidator(IValidator<LinkComplaintsInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class LinkComplaintsInputValidator : AbstractValidator<LinkComplaintsInput>
{
    /// <summary>The most complaints one selection names.</summary>
    public const int MaxSelection = 500;

    /// <summary>The longest receipt window of a rule.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);

    public LinkComplaintsInputValidator(IValidator<IncidentRuleInput> rule)
    {
        RuleFor(l => l.ComplaintIds).NotEmpty().When(l => l.Rule is null).WithMessage(_ => ValidationTexts.Get("SelectionOrRule"));
        RuleFor(l => l.ComplaintIds).Null().When(l => l.Rule is not null).WithMessage(_ => ValidationTexts.Get("SelectionOrRuleNotBoth"));
        RuleFor(l => l.ComplaintIds).MaxItems(MaxSelection).WithMessage(_ => ValidationTexts.Format("ComplaintIdsMax", MaxSelection));
        RuleForEach(l => l.ComplaintIds).NotEmpty();
        RuleFor(l => l.Rule!).SetValidator(rule).When(l => l.Rule is not null);
    }
}

public sealed class IncidentRuleInputValidator : AbstractValidator<IncidentRuleInput>
{
    public IncidentRuleInputValidator()
    {
        RuleFor(r => r.Category).ClassificationCode();
        RuleFor(r => r.Product).MaximumLength(Complaint.ProductMaxLength);
        RuleFor(r => r.ReceivedFrom).Required();
        RuleFor(r => r.ReceivedTo).Required();
        RuleFor(r => r.ReceivedTo).Must((r, to) => to > r.ReceivedFrom && to - r.ReceivedFrom <= LinkComplaintsInputValidator.MaxWindow)
            .When(r => r.ReceivedFrom is not null && r.ReceivedTo is not null)
            .WithMessage(_ => ValidationTexts.Format("IncidentRuleWindow", LinkComplaintsInputValidator.MaxWindow.Days));
    }
}
