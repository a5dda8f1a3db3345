using FluentValidation;

namespace CustomerCare.Application.Staff.Commands.SetStaffMemberActive;

public sealed class SetStaffMemberActiveCommandValidator : AbstractValidator<SetStaffMemberActiveCommand>
{
    public SetStaffMemberActiveCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
