using FluentValidation;

namespace CustomerCare.Application.Partners.Queries.ListPartnerKeys;

public sealed class ListPartnerKeysQueryValidator : AbstractValidator<ListPartnerKeysQuery>
{
    public ListPartnerKeysQueryValidator() => RuleFor(q => q.PartnerId).NotEmpty();
}
