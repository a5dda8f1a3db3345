using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Organisation;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Staff.Commands.CreateStaffMember;

public sealed class CreateStaffMemberCommandValidator : AbstractValidator<CreateStaffMemberCommand>
{
    public CreateStaffMemberCommandValidator(IValidator<CreateStaffMemberInput> input)
    {

        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class CreateStaffMemberInputValidator : AbstractValidator<CreateStaffMemberInput>
{
    public CreateStaffMemberInputValidator(IOptions<PasswordPolicyOptions> policy)
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(StaffMember.NameMaxLength);
        RuleFor(c => c.Email).NotEmpty().MaximumLength(StaffMember.EmailMaxLength).EmailAddress();
        RuleFor(c => c.DepartmentId).NotEmpty();
        RuleFor(c => c.Roles).NotEmpty().WithMessage(_ => ValidationTexts.Get("RolesRequired"))
            .MaxItems(StaffMember.MaxRoles).WithMessage(_ => ValidationTexts.Format("RolesMax", StaffMember.MaxRoles));
        RuleForEach(c => c.Roles).IsInEnum();
        RuleFor(c => c.Password).Password(policy.Value, c => c.Email);
    }
}
