using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Organisation;
using CustomerCare.Domain.Sla;
using FluentValidation;

namespace CustomerCare.Application.Departments;

/// <summary>
/// A department as clients write it (create and update share it). <c>calendar</c> names the business calendar it works
/// by (<c>GET /calendars</c>); left out or null, the default one.
/// </summary>
public sealed record DepartmentInput(
    string Name,
    string Code,
    Guid? ParentId,
    Guid? SupervisorId,
    [property: System.ComponentModel.DataAnnotations.MaxLength(CalendarNames.MaxLength)] string? Calendar = null);

public sealed class DepartmentInputValidator : AbstractValidator<DepartmentInput>
{
    public DepartmentInputValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Department.NameMaxLength);
        RuleFor(c => c.Code).NotEmpty().MaximumLength(Department.CodeMaxLength)
            .Matches("^[A-Za-z0-9-]+$").WithMessage(_ => ValidationTexts.Get("LettersDigitsHyphens"));
        RuleFor(c => c.ParentId).NotEqual(Guid.Empty);
        RuleFor(c => c.SupervisorId).NotEqual(Guid.Empty);
        RuleFor(c => c.Calendar).CalendarName().When(c => c.Calendar is not null);
    }
}
