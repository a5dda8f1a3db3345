using CustomerCare.Domain.Organisation;
using FluentValidation;

namespace CustomerCare.Application.Departments.Commands.UpdateDepartment;

public sealed class UpdateDepartmentCommandValidator : AbstractValidator<UpdateDepartmentCommand>
{
    public UpdateDepartmentCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Department.NameMaxLength);
        RuleFor(c => c.Code).NotEmpty().MaximumLength(Department.CodeMaxLength)
            .Matches("^[A-Za-z0-9-]+$").WithMessage("Use letters, digits and hyphens only.");
        RuleFor(c => c.ParentId).NotEqual(Guid.Empty);
        RuleFor(c => c.SupervisorId).NotEqual(Guid.Empty);
    }
}
