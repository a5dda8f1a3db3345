using CustomerCare.Domain.Organisation;
using FluentValidation;

namespace CustomerCare.Application.Departments.Commands.CreateDepartment;

public sealed class CreateDepartmentCommandValidator : AbstractValidator<CreateDepartmentCommand>
{
    public CreateDepartmentCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Department.NameMaxLength);
        RuleFor(c => c.Code).NotEmpty().MaximumLength(Department.CodeMaxLength)
            .Matches("^[A-Za-z0-9-]+$").WithMessage("Use letters, digits and hyphens only.");
        RuleFor(c => c.ParentId).NotEqual(Guid.Empty);
        RuleFor(c => c.SupervisorId).NotEqual(Guid.Empty);
    }
}
