using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CustomerCare.Infrastructure.Reports;

/// <summary>Reports on a read replica, under <c>CustomerCare:Reports:Replica</c> (the replica itself: <c>ConnectionStrings:CustomerCareReports</c>).</summary>
public sealed class ReportReplicaOptions
{
    public const string SectionName = "CustomerCare:Reports:Replica";

    public const string ConnectionStringName = "CustomerCareReports";

    /// <summary>
    /// How far behind the primary the replica may be: when it has not replayed what the primary has written and its last
    /// replayed change is older than this, reports run on the primary instead.
    /// </summary>
    public TimeSpan MaxLag { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one verdict on the replica (fresh, lagging, unreachable) holds before it is checked again.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a check waits for the replica to replay what the primary had just written when its last replayed change
    /// says nothing (none since it started) or is older than <see cref="MaxLag"/> (a primary idle until a moment ago).
    /// Default 1 s.
    /// </summary>
    public TimeSpan ReplayWait { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Where report queries run: on the hot standby named by <c>ConnectionStrings:CustomerCareReports</c> while it is
/// reachable and caught up, else on the primary — with a warning in the log when it falls back, never a failed report.
/// The verdict is kept for <see cref="ReportReplicaOptions.CheckInterval"/> so that a dead replica costs one connection
/// timeout per interval, not one per report.
/// </summary>
public sealed class ReportReplica : IAsyncDisposable
{
    /// <summary>The application name report sessions carry on the replica (what <c>pg_stat_activity</c> shows).</summary>
    public const string ApplicationName = "customercare-reports";

    private readonly NpgsqlDataSource? _replica;
    private readonly string? _primary;
    private readonly ReportReplicaOptions _options;
    private readonly ILogger<ReportReplica> _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _checking = new(1, 1);
    private volatile Verdict _verdict = new(false, DateTimeOffset.MinValue);

    public ReportReplica(IConfiguration configuration, IOptions<ReportReplicaOptions> options, ILogger<ReportReplica> logger, TimeProvider time)
    {
        _options = options.Value;
        _logger = logger;
        _time = time;
        _primary = configuration.GetConnectionString(Data.DatabaseOptions.ConnectionStringName);
        if (configuration.GetConnectionString(ReportReplicaOptions.ConnectionStringName) is { Length: > 0 } replica)
        {
            var builder = new NpgsqlConnectionStringBuilder(replica) { ApplicationName = ApplicationName };
            if (builder.Timeout == new NpgsqlConnectionStringBuilder().Timeout)
            {
                builder.Timeout = 3; // a dead replica is given up on quickly: reports go to the primary
            }

            _replica = NpgsqlDataSource.Create(builder.ConnectionString);
        }
    }

    public bool IsConfigured => _replica is not null;

    /// <summary>An open connection to the replica when it is usable now; null: run on the primary.</summary>
    public async Task<NpgsqlConnection?> OpenAsync(CancellationToken cancellationToken)
    {
        if (_replica is null)
        {
            return null;
        }

        if (!await UsableAsync(cancellationToken))
        {
            return null;
        }

        try
        {
            return await _replica.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            _verdict = new Verdict(false, _time.GetUtcNow() + _options.CheckInterval);
            _logger.LogWarning("Reports fall back to the primary: the replica is unreachable ({Reason}).", ex.Message);
            return null;
        }
    }

    private async Task<bool> UsableAsync(CancellationToken cancellationToken)
    {
        var known = _verdict;
        if (_time.GetUtcNow() < known.Until)
        {
            return known.Usable;
        }

        await _checking.WaitAsync(cancellationToken);
        try
        {
            known = _verdict; // another report may have checked while this one waited
            if (_time.GetUtcNow() < known.Until)
            {
                return known.Usable;
            }

            var (usable, reason) = await CheckAsync(cancellationToken);
            if (!usable)
            {
                _logger.LogWarning("Reports fall back to the primary: {Reason}.", reason);
            }
            else if (!known.Usable)
            {
                _logger.LogInformation("Reports run on the replica.");
            }

            _verdict = new Verdict(usable, _time.GetUtcNow() + _options.CheckInterval);
            return usable;
        }
        finally
        {
            _checking.Release();
        }
    }

    /// <summary>
    /// Fresh when the replica is in recovery (a standby, not a promoted copy) and has replayed all the primary had
    /// written a moment before, or its last replayed change is within <see cref="ReportReplicaOptions.MaxLag"/>. The time
    /// of the last replayed change alone misjudges a standby that is milliseconds behind: right after its start it has
    /// none, and after the primary sat idle it is old. Such a standby is given <see cref="ReportReplicaOptions.ReplayWait"/>
    /// to replay what the primary had written before it is judged lagging.
    /// </summary>
    private async Task<(bool Usable, string Reason)> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            string written;
            await using (var primary = new NpgsqlConnection(_primary))
            {
                await primary.OpenAsync(cancellationToken);
                await using var lsn = new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", primary);
                written = (string)(await lsn.ExecuteScalarAsync(cancellationToken))!;
            }

            await using var replica = await _replica!.OpenConnectionAsync(cancellationToken);
            await using var state = new NpgsqlCommand(
                "SELECT pg_is_in_recovery(), coalesce(pg_last_wal_replay_lsn() >= @written::pg_lsn, false), extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8",
                replica);
            state.Parameters.AddWithValue("written", written);
            await using var reader = await state.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var (standby, caughtUp) = (reader.GetBoolean(0), reader.GetBoolean(1));
            var behind = reader.IsDBNull(2) ? (TimeSpan?)null : TimeSpan.FromSeconds(reader.GetDouble(2));
            await reader.DisposeAsync();
            if (standby && !caughtUp && !(behind <= _options.MaxLag))
            {
                caughtUp = await ReplaysWithinAsync(replica, written, cancellationToken);
            }

            return (standby, caughtUp, behind) switch
            {
                (false, _, _) => (false, "the replica is not in recovery (promoted, or a primary)"),
                (true, true, _) => (true, "caught up"),
                (true, false, { } lag) when lag <= _options.MaxLag => (true, "streaming"),
                (true, false, { } lag) => (false, $"the replica lags the primary by {lag.TotalSeconds:0} s (more than {_options.MaxLag.TotalSeconds:0} s)"),
                (true, false, null) => (false, $"the replica has replayed no change since it started and not the primary's latest within {_options.ReplayWait.TotalSeconds:0.#} s"),
            };
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return (false, $"the replica is unreachable ({ex.Message})");
        }
    }

    /// <summary>Whether the replica's replay reaches <paramref name="written"/> within <see cref="ReportReplicaOptions.ReplayWait"/>.</summary>
    private async Task<bool> ReplaysWithinAsync(NpgsqlConnection replica, string written, CancellationToken cancellationToken)
    {
        await using var replayed = new NpgsqlCommand("SELECT coalesce(pg_last_wal_replay_lsn() >= @written::pg_lsn, false)", replica);
        replayed.Parameters.AddWithValue("written", written);
        var deadline = _time.GetUtcNow() + _options.ReplayWait;
        while (_time.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken);
            if ((bool)(await replayed.ExecuteScalarAsync(cancellationToken))!)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One verdict on the replica, swapped whole (read without a lock by every report).</summary>
    private sealed record Verdict(bool Usable, DateTimeOffset Until);

    public async ValueTask DisposeAsync()
    {
        if (_replica is not null)
        {
            await _replica.DisposeAsync();
        }

        _checking.Dispose();
    }
}
