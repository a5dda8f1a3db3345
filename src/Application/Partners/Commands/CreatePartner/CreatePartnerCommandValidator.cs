using CustomerCare.Domain.Partners;
using FluentValidation;

namespace CustomerCare.Application.Partners.Commands.CreatePartner;

public sealed class CreatePartnerCommandValidator : AbstractValidator<CreatePartnerCommand>
{
    public CreatePartnerCommandValidator() => RuleFor(c => c.Name).NotEmpty().MaximumLength(Partner.NameMaxLength);
}
