using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.RecordInvestigation;

public sealed class RecordInvestigationCommandValidator : AbstractValidator<RecordInvestigationCommand>
{
    public RecordInvestigationCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Findings).NotEmpty().MaximumLength(Investigation.TextMaxLength);
        RuleFor(c => c.RootCause).MaximumLength(Investigation.TextMaxLength);
        RuleFor(c => c.CorrectiveAction).MaximumLength(Investigation.TextMaxLength);
        RuleFor(c => c.Evidence).Must(e => e is null || e.Count <= Investigation.MaxEvidenceItems)
            .WithMessage($"At most {Investigation.MaxEvidenceItems} evidence items.");
        RuleForEach(c => c.Evidence).NotEmpty().MaximumLength(Investigation.EvidenceMaxLength);
    }
}
