using CustomerCare.Domain.Partners;
using FluentValidation;

namespace CustomerCare.Application.Partners.Commands.IssuePartnerKey;

public sealed class IssuePartnerKeyCommandValidator : AbstractValidator<IssuePartnerKeyCommand>
{
    public IssuePartnerKeyCommandValidator(IValidator<IssuePartnerKeyInput> input)
    {
        RuleFor(c => c.PartnerId).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class IssuePartnerKeyInputValidator : AbstractValidator<IssuePartnerKeyInput>
{
    public IssuePartnerKeyInputValidator()
    {
        RuleFor(c => c.Name).MaximumLength(PartnerApiKey.NameMaxLength);
    }
}
