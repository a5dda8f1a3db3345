using FluentValidation;

namespace CustomerCare.Application.Partners.Queries.GetPartner;

public sealed class GetPartnerQueryValidator : AbstractValidator<GetPartnerQuery>
{
    public GetPartnerQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}
