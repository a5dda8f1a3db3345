using CustomerCare.Application.Common.Validation;
using CustomerCare.Application.Complaints;
using FluentValidation;

namespace CustomerCare.Application.CustomerGrades.Commands.PutCustomerGrade;

public sealed class PutCustomerGradeCommandValidator : AbstractValidator<PutCustomerGradeCommand>
{
    public PutCustomerGradeCommandValidator(IValidator<CustomerGradeInput> input)
    {
        RuleFor(c => c.Code).ClassificationCode();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class CustomerGradeInputValidator : AbstractValidator<CustomerGradeInput>
{
    public CustomerGradeInputValidator()
    {
        RuleFor(c => c.NameEn).ClassificationName();
        RuleFor(c => c.NameZhCn).ClassificationName();
    }
}
