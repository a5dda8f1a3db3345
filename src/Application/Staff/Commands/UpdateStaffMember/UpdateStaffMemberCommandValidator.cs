using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Organisation;
using FluentValidation;

namespace CustomerCare.Application.Staff.Commands.UpdateStaffMember;

public sealed class UpdateStaffMemberCommandValidator : AbstractValidator<UpdateStaffMemberCommand>
{
    public UpdateStaffMemberCommandValidator(IValidator<UpdateStaffMemberInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class UpdateStaffMemberInputValidator : AbstractValidator<UpdateStaffMemberInput>
{
    public UpdateStaffMemberInputValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(StaffMember.NameMaxLength);
        RuleFor(c => c.Email).NotEmpty().MaximumLength(StaffMember.EmailMaxLength).EmailAddress();
        RuleFor(c => c.DepartmentId).NotEmpty();
        RuleFor(c => c.Roles).NotEmpty().WithMessage(_ => ValidationTexts.Get("RolesRequired"))
            .MaxItems(StaffMember.MaxRoles).WithMessage(_ => ValidationTexts.Format("RolesMax", StaffMember.MaxRoles));
        RuleForEach(c => c.Roles).IsInEnum();
    }
}
