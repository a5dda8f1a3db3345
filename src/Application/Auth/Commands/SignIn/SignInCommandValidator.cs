using CustomerCare.Application.Common.Security;
using CustomerCare.Domain.Organisation;
using FluentValidation;

namespace CustomerCare.Application.Auth.Commands.SignIn;

public sealed class SignInCommandValidator : AbstractValidator<SignInCommand>
{
    public SignInCommandValidator(IValidator<SignInInput> input)
    {

        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class SignInInputValidator : AbstractValidator<SignInInput>
{
    public SignInInputValidator()
    {
        // Only shape is checked here: the policy of new passwords does not apply to old ones.
        RuleFor(c => c.Email).NotEmpty().MaximumLength(StaffMember.EmailMaxLength).EmailAddress();
        RuleFor(c => c.Password).NotEmpty().MaximumLength(PasswordRules.MaxLength);
    }
}
