using CustomerCare.Application.Complaints;
using FluentValidation;

namespace CustomerCare.Application.CustomerGrades.Queries.GetCustomerGrade;

public sealed class GetCustomerGradeQueryValidator : AbstractValidator<GetCustomerGradeQuery>
{
    public GetCustomerGradeQueryValidator() => RuleFor(q => q.Code).ClassificationCode();
}
