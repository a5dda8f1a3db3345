using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustomerCare.Infrastructure.Identity;

/// <summary>
/// The staff sessions this replica has found current (staff id and security stamp), so that a request does not ask the
/// database again. A trigger on <c>staff</c> sends <c>NOTIFY staff_sessions</c> with the staff id whenever one is
/// deactivated, deleted or gets a new stamp (password, roles, department); every replica listens and forgets that staff
/// member's sessions, so a deactivation ends access on every replica as soon as the notification arrives (milliseconds).
/// While this replica is not listening (starting, or its listening connection lost) nothing is cached and every request
/// asks the database, as before; when listening resumes the cache starts empty, so no notification can have been missed.
/// </summary>
public sealed class StaffSessions
{
    public const string Channel = "staff_sessions";

    /// <summary>How long a verdict is kept even without a notification (a bound, not the mechanism).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(Guid Staff, Guid Stamp), long> _current = new();
    private readonly TimeProvider _time;
    private long _generation;
    private volatile bool _listening;

    public StaffSessions(TimeProvider time) => _time = time;

    /// <summary>How many checks the cache answered (for tests and metrics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    private long _hits;

    public bool IsListening => _listening;

    /// <summary>Whether the session is known current; else <paramref name="generation"/> is what to pass to <see cref="Remember"/>.</summary>
    public bool IsKnownCurrent(Guid staff, Guid stamp, out long generation)
    {
        generation = Interlocked.Read(ref _generation);
        if (_listening && _current.TryGetValue((staff, stamp), out var since) && _time.GetUtcNow().UtcTicks - since < MaxAge.Ticks)
        {
            Interlocked.Increment(ref _hits);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Keeps a verdict read from the database — unless a notification arrived since <paramref name="generation"/> was
    /// taken (it may concern this very session: the database answer could be older than the change).
    /// </summary>
    public void Remember(Guid staff, Guid stamp, long generation)
    {
        if (!_listening)
        {
            return;
        }

        _current[(staff, stamp)] = _time.GetUtcNow().UtcTicks;
        if (Interlocked.Read(ref _generation) != generation)
        {
            _current.TryRemove((staff, stamp), out _);
        }
    }

    internal void Forget(Guid staff)
    {
        Interlocked.Increment(ref _generation);
        foreach (var key in _current.Keys.Where(k => k.Staff == staff))
        {
            _current.TryRemove(key, out _);
        }
    }

    internal void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _current.Clear();
    }

    internal void SetListening(bool listening)
    {
        Interlocked.Increment(ref _generation);
        _listening = listening;
        _current.Clear();
    }
}

/// <summary>Listens on <see cref="StaffSessions.Channel"/> on a connection of its own, reconnecting when it is lost.</summary>
internal sealed class StaffSessionListener(StaffSessions sessions, IConfiguration configuration, ILogger<StaffSessionListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString(Data.DatabaseOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30, ApplicationName = "customercare-sessions" };
        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var staff))
                    {
                        sessions.Forget(staff);
                    }
                    else
                    {
                        sessions.ForgetAll(); // '*': the table was emptied
                    }
                };
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {StaffSessions.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                sessions.SetListening(true);
                if (lost)
                {
                    logger.LogInformation("Listening for ended staff sessions again: sessions are cached once more.");
                    lost = false;
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.IO.IOException)
            {
                sessions.SetListening(false);
                if (!lost)
                {
                    logger.LogWarning("Stopped listening for ended staff sessions ({Reason}): every request checks its session in the database until it resumes.", ex.Message);
                    lost = true;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            finally
            {
                sessions.SetListening(false);
            }
        }
    }
}
