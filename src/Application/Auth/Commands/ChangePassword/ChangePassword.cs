using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Auth.Commands.ChangePassword;

/// <summary>A staff member replaces their own password, proving the current one. Their other sessions end.</summary>
/// <summary>The current password and the new one.</summary>
public sealed record ChangePasswordInput(
    string CurrentPassword,
    string NewPassword);

public sealed record ChangePasswordCommand(ChangePasswordInput Input) : ICommand;

public sealed class ChangePasswordCommandHandler(
    IApplicationDbContext db, ICurrentUser user, IPasswordHasher hasher, ISignInThrottle throttle, TimeProvider time) : ICommandHandler<ChangePasswordCommand>
{
    public async ValueTask<Unit> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == user.Id && s.IsActive, cancellationToken)
            ?? throw new NotFoundException("Staff member", user.Id ?? Guid.Empty);

        // A stolen token must not become a way to guess the password: guesses are limited as sign-ins are.
        string[] keys = [SignInThrottleKeys.PasswordChange(staff.Id)];
        if (await throttle.TryReserveAsync(keys, cancellationToken) is { } wait)
        {
            throw new TooManyRequestsException(wait, "Too many wrong current passwords. Try again later.");
        }

        if (hasher.Verify(staff.PasswordHash, command.Input.CurrentPassword) == PasswordCheck.Failed)
        {
            await throttle.RecordFailureAsync(keys, cancellationToken);
            throw new ValidationException("currentPassword", "The current password is not correct.");
        }

        await throttle.ResetAsync(keys[0], cancellationToken);

        if (hasher.Verify(staff.PasswordHash, command.Input.NewPassword) != PasswordCheck.Failed)
        {
            throw new ValidationException("newPassword", "The new password must differ from the current one.");
        }

        staff.ChangePassword(hasher.Hash(command.Input.NewPassword), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
