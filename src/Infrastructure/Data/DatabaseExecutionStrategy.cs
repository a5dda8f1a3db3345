using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace CustomerCare.Infrastructure.Data;

/// <summary>
/// EF Core's retrying strategy for PostgreSQL, minus the failures a retry only makes worse. A connection that broke or
/// could not be opened (the server restarting, a fail-over), a serialization failure or a deadlock is retried: the
/// whole unit of work runs again in a new transaction. A timeout is not: a command that ran out of time, or a request
/// that waited its full share for a pooled connection, would wait that long again on a database that is already
/// overloaded; the request ends with 503 and Retry-After instead, so that the time a caller waits stays bounded.
/// Nothing is retried inside a request's own transaction (<see cref="CustomerCareDbContext.InRequestTransaction"/>, a
/// request with an Idempotency-Key): a statement cannot be run again on its own in a transaction that failed, so the
/// request fails as a whole, nothing of it is kept, and the caller's retry with the same key runs it anew.
/// A read (<see cref="ReadAsync{T}"/>, a query's whole work) is retried as a whole too, and while it runs the strategy
/// tells EF Core it will not retry a statement on its own: EF Core then streams each statement's rows instead of
/// buffering all of them first, which it does only so that a statement could be retried alone.
/// </summary>
internal sealed class DatabaseExecutionStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount, maxRetryDelay, errorCodesToAdd: null)
{
    private bool _reading;

    public override bool RetriesOnFailure => !_reading && base.RetriesOnFailure && !InRequestTransaction;

    /// <summary>
    /// Runs <paramref name="read"/> as one unit: a transient failure in any of its statements, while their rows are
    /// read included, runs it again from the start after <paramref name="beforeRetry"/>.
    /// </summary>
    public Task<T> ReadAsync<T>(Func<CancellationToken, Task<T>> read, Action beforeRetry, CancellationToken cancellationToken)
    {
        var attempts = 0;
        return ExecuteAsync(read, async (_, read, ct) =>
        {
            if (attempts++ > 0)
            {
                beforeRetry();
            }

            _reading = true;
            try
            {
                return await read(ct);
            }
            finally
            {
                _reading = false;
            }
        }, verifySucceeded: null, cancellationToken);
    }

    protected override bool ShouldRetryOn(Exception? exception) =>
        exception is not null && !InRequestTransaction && !IsTimeout(exception) && base.ShouldRetryOn(exception);

    private bool InRequestTransaction => Dependencies.CurrentContext.Context is CustomerCareDbContext { InRequestTransaction: true };

    internal static bool IsTimeout(Exception exception) => exception switch
    {
        TimeoutException => true,
        NpgsqlException { InnerException: TimeoutException } => true,
        PostgresException { SqlState: PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.LockNotAvailable } => true,
        _ => false,
    };
}
