using CustomerCare.Domain.Organisation;
using FluentValidation;

namespace CustomerCare.Application.Staff.Commands.UpdateStaffMember;

public sealed class UpdateStaffMemberCommandValidator : AbstractValidator<UpdateStaffMemberCommand>
{
    public UpdateStaffMemberCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(StaffMember.NameMaxLength);
        RuleFor(c => c.Email).NotEmpty().MaximumLength(StaffMember.EmailMaxLength).EmailAddress();
        RuleFor(c => c.DepartmentId).NotEmpty();
        RuleFor(c => c.Roles).NotEmpty().WithMessage("Give at least one role.")
            .Must(r => r is null || r.Count <= StaffMember.MaxRoles).WithMessage($"At most {StaffMember.MaxRoles} roles.");
        RuleForEach(c => c.Roles).IsInEnum();
    }
}
