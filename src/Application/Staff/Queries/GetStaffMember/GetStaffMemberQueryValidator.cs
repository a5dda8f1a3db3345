using FluentValidation;

namespace CustomerCare.Application.Staff.Queries.GetStaffMember;

public sealed class GetStaffMemberQueryValidator : AbstractValidator<GetStaffMemberQuery>
{
    public GetStaffMemberQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}
