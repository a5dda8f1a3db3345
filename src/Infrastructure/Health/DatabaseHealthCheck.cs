using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerCare.Infrastructure.Health;

/// <summary>Ready only when the database answers a query and its schema has every migration applied.</summary>
public sealed class DatabaseHealthCheck(CustomerCareDbContext dbContext) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await dbContext.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not accept connections.");
            }

            var pending = (await dbContext.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("The database answers and its schema is up to date.")
                : HealthCheckResult.Unhealthy($"The database schema lacks {pending} migration(s).");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The description is shown to callers; the exception stays in the server's log only.
            return HealthCheckResult.Unhealthy("The database could not be reached.", ex);
        }
    }
}
