using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace CustomerCare.Infrastructure.Data;

/// <summary>Applies pending EF Core migrations, first waiting (with back-off) for the database to accept connections.</summary>
public static partial class DatabaseMigrator
{
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));

        // Polly only waits for the server to come up; the migration itself runs once, under EF Core's own
        // retrying execution strategy (the two are never stacked).
        // The timeout is the outer strategy: it bounds the whole wait (inside the retry it bounded each attempt only, and a
        // database that never came was waited for forever).
        var waitForDatabase = new ResiliencePipelineBuilder<bool>()
            .AddTimeout(options.StartupWait)
            .AddRetry(new RetryStrategyOptions<bool>
            {
                ShouldHandle = new PredicateBuilder<bool>()
                    .HandleResult(canConnect => !canConnect)
                    .Handle<NpgsqlException>()
                    .Handle<TimeoutException>(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(250),
                MaxDelay = TimeSpan.FromSeconds(5),
                MaxRetryAttempts = int.MaxValue,
                OnRetry = args =>
                {
                    // CanConnect answers false (rather than throwing) when the server answers but the database does not exist.
                    LogWaiting(logger, args.AttemptNumber + 1,
                        args.Outcome.Exception?.Message ?? $"the server answers, but has no database \"{context.Database.GetDbConnection().Database}\"");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        var reachable = await waitForDatabase.ExecuteAsync(
            async ct => await context.Database.CanConnectAsync(ct), cancellationToken);
        if (!reachable)
        {
            throw new InvalidOperationException("The database did not accept connections.");
        }

        await SquashedMigrations.AdoptAsync(context.Database, cancellationToken);
        // EF reads the history table without asking whether it exists, and logs the failure on an empty database as an
        // error: it is made first (as EF itself would), so that a healthy first start logs no error.
        await context.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToArray();
        if (pending.Length == 0)
        {
            LogUpToDate(logger);
            return;
        }

        LogApplying(logger, pending.Length, string.Join(", ", pending));
        context.Database.SetCommandTimeout(TimeSpan.FromSeconds(options.MigrationCommandTimeoutSeconds));
        await context.Database.MigrateAsync(cancellationToken);
        LogApplied(logger, pending.Length);
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Waiting for the database to accept connections (attempt {Attempt}): {Reason}")]
    private static partial void LogWaiting(ILogger logger, int attempt, string reason);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Database schema is up to date")]
    private static partial void LogUpToDate(ILogger logger);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Applying {Count} migration(s): {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, string migrations);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Applied {Count} migration(s)")]
    private static partial void LogApplied(ILogger logger, int count);
}
