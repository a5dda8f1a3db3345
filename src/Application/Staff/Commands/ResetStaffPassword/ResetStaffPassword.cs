using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Staff.Commands.ResetStaffPassword;

/// <summary>An administrator sets a new password for a staff member (who forgot theirs); their sessions and lockout end.</summary>
/// <summary>The new password an administrator sets.</summary>
public sealed record ResetStaffPasswordInput(
    string NewPassword);

public sealed record ResetStaffPasswordCommand(Guid Id, ResetStaffPasswordInput Input) : ICommand;

public sealed class ResetStaffPasswordCommandHandler(
    IApplicationDbContext db, IPasswordHasher hasher, ISignInThrottle throttle, TimeProvider time) : ICommandHandler<ResetStaffPasswordCommand>
{
    public async ValueTask<Mediator.Unit> Handle(ResetStaffPasswordCommand command, CancellationToken cancellationToken)
    {
        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Staff member", command.Id);
        staff.ChangePassword(hasher.Hash(command.Input.NewPassword), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await throttle.ResetAsync(SignInThrottleKeys.Account(staff.Email), cancellationToken);
        return Mediator.Unit.Value;
    }
}
