using FluentValidation;

namespace CustomerCare.Application.Partners.Commands.RotatePartnerKey;

public sealed class RotatePartnerKeyCommandValidator : AbstractValidator<RotatePartnerKeyCommand>
{
    public RotatePartnerKeyCommandValidator()
    {
        RuleFor(c => c.PartnerId).NotEmpty();
        RuleFor(c => c.KeyId).NotEmpty();
        RuleFor(c => c.GracePeriodHours).InclusiveBetween(0, RotatePartnerKeyCommand.MaxGracePeriodHours);
    }
}
