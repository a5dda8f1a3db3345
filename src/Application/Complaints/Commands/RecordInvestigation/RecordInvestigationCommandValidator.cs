using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.RecordInvestigation;

public sealed class RecordInvestigationCommandValidator : AbstractValidator<RecordInvestigationCommand>
{
    public RecordInvestigationCommandValidator(IValidator<RecordInvestigationInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class RecordInvestigationInputValidator : AbstractValidator<RecordInvestigationInput>
{
    public RecordInvestigationInputValidator()
    {
        RuleFor(c => c.IsGenuine).Required();
        RuleFor(c => c.Findings).NotEmpty().MaximumLength(Investigation.TextMaxLength);
        RuleFor(c => c.Cause).NotEmpty().WithMessage(_ => ValidationTexts.Get("CauseRequired")).MaximumLength(ClassificationTerm.CodeMaxLength);
        RuleFor(c => c.RootCause).MaximumLength(Investigation.TextMaxLength);
        RuleFor(c => c.Evidence).MaxItems(Investigation.MaxEvidenceItems).WithMessage(_ => ValidationTexts.Format("EvidenceMax", Investigation.MaxEvidenceItems));
        RuleForEach(c => c.Evidence).NotEmpty().MaximumLength(Investigation.EvidenceMaxLength);
    }
}
