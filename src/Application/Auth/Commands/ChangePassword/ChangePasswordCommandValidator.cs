using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Security;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Auth.Commands.ChangePassword;

public sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator(IValidator<ChangePasswordInput> input)
    {

        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator(IOptions<PasswordPolicyOptions> policy)
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(PasswordRules.MaxLength);
        RuleFor(c => c.NewPassword).Password(policy.Value);
    }
}
