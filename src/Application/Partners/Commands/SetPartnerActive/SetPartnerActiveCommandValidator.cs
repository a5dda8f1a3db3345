using FluentValidation;

namespace CustomerCare.Application.Partners.Commands.SetPartnerActive;

public sealed class SetPartnerActiveCommandValidator : AbstractValidator<SetPartnerActiveCommand>
{
    public SetPartnerActiveCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
