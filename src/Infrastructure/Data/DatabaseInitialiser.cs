using CustomerCare.Infrastructure.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CustomerCare.Infrastructure.Data;

public static partial class DatabaseInitialiser
{
    /// <summary>
    /// At start-up: apply migrations when configured to, then seed what is missing. A schema that lacks
    /// migrations (they run as a separate deployment step) is left alone: /health/ready reports it.
    /// </summary>
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitialiser));
        if (options.MigrateOnStartup)
        {
            // Waits for the database (up to StartupWait) and fails start-up if it never comes.
            await services.MigrateDatabaseAsync(cancellationToken);
        }

        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
                if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                {
                    LogNotMigrated(logger);
                    return;
                }
            }

            await services.SeedAsync(cancellationToken);
        }
        catch (NpgsqlException ex) when (!options.MigrateOnStartup)
        {
            // Without start-up migrations the API starts whatever the database's state; /health/ready tells when it can serve.
            LogUnreachable(logger, ex.Message);
        }
    }

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning,
        Message = "The database is unreachable at start-up ({Reason}): nothing seeded; the API is not ready until it answers")]
    private static partial void LogUnreachable(ILogger logger, string reason);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning,
        Message = "The database schema lacks migrations and CustomerCare:Database:MigrateOnStartup is off: nothing seeded; the API is not ready until they are applied")]
    private static partial void LogNotMigrated(ILogger logger);
}
