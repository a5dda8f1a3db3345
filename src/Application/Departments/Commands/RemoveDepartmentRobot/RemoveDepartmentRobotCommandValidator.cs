using FluentValidation;

namespace CustomerCare.Application.Departments.Commands.RemoveDepartmentRobot;

public sealed class RemoveDepartmentRobotCommandValidator : AbstractValidator<RemoveDepartmentRobotCommand>
{
    public RemoveDepartmentRobotCommandValidator()
    {
        RuleFor(c => c.DepartmentId).NotEmpty();
        RuleFor(c => c.Kind).Must(DepartmentRobotKind.IsKind).WithMessage(_ => DepartmentRobotKind.Message);
    }
}
