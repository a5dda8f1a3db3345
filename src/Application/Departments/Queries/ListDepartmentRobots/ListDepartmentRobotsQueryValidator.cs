using FluentValidation;

namespace CustomerCare.Application.Departments.Queries.ListDepartmentRobots;

public sealed class ListDepartmentRobotsQueryValidator : AbstractValidator<ListDepartmentRobotsQuery>
{
    public ListDepartmentRobotsQueryValidator() => RuleFor(q => q.DepartmentId).NotEmpty();
}
