using FluentValidation;

namespace CustomerCare.Application.Partners.Commands.RotatePartnerKey;

public sealed class RotatePartnerKeyCommandValidator : AbstractValidator<RotatePartnerKeyCommand>
{
    public RotatePartnerKeyCommandValidator(IValidator<RotatePartnerKeyInput> input)
    {
        RuleFor(c => c.PartnerId).NotEmpty();
        RuleFor(c => c.KeyId).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class RotatePartnerKeyInputValidator : AbstractValidator<RotatePartnerKeyInput>
{
    public RotatePartnerKeyInputValidator()
    {
        RuleFor(c => c.GracePeriodHours).InclusiveBetween(0, RotatePartnerKeyCommand.MaxGracePeriodHours);
    }
}
