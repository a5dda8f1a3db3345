using System.Security.Claims;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Infrastructure.Identity;

/// <summary>
/// Checks, for every request, that the staff member behind a token still exists, is active and holds the
/// same security stamp (unchanged password, roles and department), so deactivation ends access at once — answered from
/// <see cref="StaffSessions"/> when this replica has found the session current before and heard of no change since.
/// For tokens of an external provider it finds the staff member by e-mail and supplies our claims.
/// </summary>
public sealed class StaffSessionValidator(CustomerCareDbContext db, StaffSessions sessions)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue(CustomerCareClaims.Subject), out var id)
            || !Guid.TryParse(principal.FindFirstValue(CustomerCareClaims.SecurityStamp), out var stamp))
        {
            return false;
        }

        if (sessions.IsKnownCurrent(id, stamp, out var generation))
        {
            return true;
        }

        var current = await db.Staff.AsNoTracking().AnyAsync(s => s.Id == id && s.IsActive && s.SecurityStamp == stamp, cancellationToken);
        if (current)
        {
            sessions.Remember(id, stamp, generation);
        }

        return current;
    }

    public async Task<ClaimsIdentity?> IdentityForExternalAsync(string? email, string authenticationType, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var normalised = email.Trim().ToLowerInvariant();
        var staff = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Email == normalised && s.IsActive, cancellationToken);
        return staff is null
            ? null
            : new ClaimsIdentity(CustomerCareClaims.For(staff), authenticationType, CustomerCareClaims.Name, CustomerCareClaims.Role);
    }
}
