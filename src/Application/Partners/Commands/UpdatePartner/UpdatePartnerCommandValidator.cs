using CustomerCare.Domain.Partners;
using FluentValidation;

namespace CustomerCare.Application.Partners.Commands.UpdatePartner;

public sealed class UpdatePartnerCommandValidator : AbstractValidator<UpdatePartnerCommand>
{
    public UpdatePartnerCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Partner.NameMaxLength);
    }
}
