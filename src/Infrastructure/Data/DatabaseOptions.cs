using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Infrastructure.Data;

/// <summary>Database settings under <c>CustomerCare:Database</c>; the connection string is <c>ConnectionStrings:CustomerCare</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "CustomerCare:Database";
    public const string ConnectionStringName = "CustomerCare";

    /// <summary>Apply pending migrations when the API starts. Production may run them as a separate step instead.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>How long start-up waits for the database to accept connections before it gives up.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan StartupWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Upper bound of one SQL command.</summary>
    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>Upper bound of one migration command: a migration rewriting a large table takes longer than a request's query.</summary>
    [Range(1, 86400)]
    public int MigrationCommandTimeoutSeconds { get; set; } = 3600;

    /// <summary>How often a command failing with a transient error is retried by EF Core's execution strategy.</summary>
    /// <remarks>Connection failures and serialization conflicts are retried, timeouts are not (<see cref="DatabaseExecutionStrategy"/>).</remarks>
    [Range(0, 10)]
    public int MaxRetryCount { get; set; } = 3;

    /// <summary>The longest pause between two retries (the pauses grow exponentially up to it): with the defaults a
    /// request gives a database that went away about four seconds before it answers 503.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
