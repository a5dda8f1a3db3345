using FluentValidation;

namespace CustomerCare.Application.Partners.Commands.RevokePartnerKey;

public sealed class RevokePartnerKeyCommandValidator : AbstractValidator<RevokePartnerKeyCommand>
{
    public RevokePartnerKeyCommandValidator()
    {
        RuleFor(c => c.PartnerId).NotEmpty();
        RuleFor(c => c.KeyId).NotEmpty();
    }
}
