using CustomerCare.Domain.Partners;
using FluentValidation;

namespace CustomerCare.Application.Partners.Commands.IssuePartnerKey;

public sealed class IssuePartnerKeyCommandValidator : AbstractValidator<IssuePartnerKeyCommand>
{
    public IssuePartnerKeyCommandValidator()
    {
        RuleFor(c => c.PartnerId).NotEmpty();
        RuleFor(c => c.Name).MaximumLength(PartnerApiKey.NameMaxLength);
    }
}
