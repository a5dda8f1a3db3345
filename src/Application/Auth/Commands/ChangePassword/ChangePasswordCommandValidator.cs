using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Security;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Auth.Commands.ChangePassword;

public sealed class ChangePasswordCommandValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordCommandValidator(IOptions<PasswordPolicyOptions> policy)
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(PasswordRules.MaxLength);
        RuleFor(c => c.NewPassword).Password(policy.Value);
    }
}
