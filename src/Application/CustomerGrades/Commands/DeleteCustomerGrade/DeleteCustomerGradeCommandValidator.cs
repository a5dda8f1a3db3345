using CustomerCare.Application.Complaints;
using FluentValidation;

namespace CustomerCare.Application.CustomerGrades.Commands.DeleteCustomerGrade;

public sealed class DeleteCustomerGradeCommandValidator : AbstractValidator<DeleteCustomerGradeCommand>
{
    public DeleteCustomerGradeCommandValidator() => RuleFor(c => c.Code).ClassificationCode();
}
