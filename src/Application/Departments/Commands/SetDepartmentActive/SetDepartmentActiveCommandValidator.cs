using FluentValidation;

namespace CustomerCare.Application.Departments.Commands.SetDepartmentActive;

public sealed class SetDepartmentActiveCommandValidator : AbstractValidator<SetDepartmentActiveCommand>
{
    public SetDepartmentActiveCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
