using CustomerCare.Application.Common.Validation;
using CustomerCare.Application.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Causes.Commands.PutCause;

public sealed class PutCauseCommandValidator : AbstractValidator<PutCauseCommand>
{
    public PutCauseCommandValidator(IValidator<CauseInput> input)
    {
        RuleFor(c => c.Code).ClassificationCode();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class CauseInputValidator : AbstractValidator<CauseInput>
{
    public CauseInputValidator()
    {
        RuleFor(c => c.NameEn).ClassificationName();
        RuleFor(c => c.NameZhCn).ClassificationName();
    }
}
