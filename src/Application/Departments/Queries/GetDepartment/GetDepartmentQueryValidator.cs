using FluentValidation;

namespace CustomerCare.Application.Departments.Queries.GetDepartment;

public sealed class GetDepartmentQueryValidator : AbstractValidator<GetDepartmentQuery>
{
    public GetDepartmentQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}
