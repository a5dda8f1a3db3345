using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Auth.Commands.ChangePassword;

/// <summary>A staff member replaces their own password, proving the current one. Their other sessions end.</summary>
public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : ICommand;

public sealed class ChangePasswordCommandHandler(
    IApplicationDbContext db, ICurrentUser user, IPasswordHasher hasher, TimeProvider time) : ICommandHandler<ChangePasswordCommand>
{
    public async ValueTask<Unit> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == user.Id && s.IsActive, cancellationToken)
            ?? throw new NotFoundException("Staff member", user.Id ?? Guid.Empty);

        if (hasher.Verify(staff.PasswordHash, command.CurrentPassword) == PasswordCheck.Failed)
        {
            throw new ValidationException("currentPassword", "The current password is not correct.");
        }

        if (hasher.Verify(staff.PasswordHash, command.NewPassword) != PasswordCheck.Failed)
        {
            throw new ValidationException("newPassword", "The new password must differ from the current one.");
        }

        staff.ChangePassword(hasher.Hash(command.NewPassword), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
