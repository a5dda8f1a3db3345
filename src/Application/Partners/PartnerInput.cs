using CustomerCare.Domain.Partners;
using FluentValidation;

namespace CustomerCare.Application.Partners;

/// <summary>A partner as clients write it (create and update share it).</summary>
public sealed record PartnerInput(
    string Name);

public sealed class PartnerInputValidator : AbstractValidator<PartnerInput>
{
    public PartnerInputValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Partner.NameMaxLength);
    }
}
