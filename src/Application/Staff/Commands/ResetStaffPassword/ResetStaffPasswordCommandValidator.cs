using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Security;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Staff.Commands.ResetStaffPassword;

public sealed class ResetStaffPasswordCommandValidator : AbstractValidator<ResetStaffPasswordCommand>
{
    public ResetStaffPasswordCommandValidator(IOptions<PasswordPolicyOptions> policy)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.NewPassword).Password(policy.Value);
    }
}
