using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Security;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Staff.Commands.ResetStaffPassword;

public sealed class ResetStaffPasswordCommandValidator : AbstractValidator<ResetStaffPasswordCommand>
{
    public ResetStaffPasswordCommandValidator(IValidator<ResetStaffPasswordInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class ResetStaffPasswordInputValidator : AbstractValidator<ResetStaffPasswordInput>
{
    public ResetStaffPasswordInputValidator(IOptions<PasswordPolicyOptions> policy)
    {
        RuleFor(c => c.NewPassword).Password(policy.Value);
    }
}
