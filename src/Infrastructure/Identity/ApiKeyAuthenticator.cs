using CustomerCare.Application.Common.Security;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Infrastructure.Identity;

/// <summary>Finds the active partner a presented API key belongs to.</summary>
public sealed class ApiKeyAuthenticator(CustomerCareDbContext db, TimeProvider time)
{
    public async Task<AuthenticatedPartner?> AuthenticateAsync(string presentedKey, CancellationToken cancellationToken)
    {
        if (ApiKeys.PrefixOf(presentedKey) is not { } prefix)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var candidate = await db.Partners.AsNoTracking()
            .SelectMany(p => p.Keys.Where(k => k.Prefix == prefix), (p, k) => new { p.Id, p.Name, p.IsActive, k.Hash, k.RevokedAt, k.ExpiresAt })
            .SingleOrDefaultAsync(cancellationToken);

        return candidate is { IsActive: true, RevokedAt: null }
               && (candidate.ExpiresAt is null || candidate.ExpiresAt > now)
               && ApiKeys.Matches(presentedKey, candidate.Hash)
            ? new AuthenticatedPartner(candidate.Id, candidate.Name)
            : null;
    }
}

public sealed record AuthenticatedPartner(Guid Id, string Name);
