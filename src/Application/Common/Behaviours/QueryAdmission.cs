using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Common.Behaviours;

/// <summary>
/// The turns of this process's queries (ADR 0024): at most <see cref="Limit"/> run at once
/// (<see cref="MediatorPipelineOptions.MaxConcurrentQueries"/>, by default twice the processors); the others wait in
/// order of arrival, holding no connection, and one that has waited <see cref="MediatorPipelineOptions.QueryQueueTimeout"/>
/// is refused (503 with Retry-After) instead of waiting on. Thirty-two queries at once on two cores each got a
/// sixteenth of a core and of PostgreSQL, and finished in whatever order the schedulers chose; four at a time finish
/// in the order they came, and PostgreSQL spends less on each.
/// </summary>
public sealed class QueryAdmission : IDisposable
{
    /// <summary>What <see cref="ServiceUnavailableException.Dependency"/> names when a query waited too long for its turn.</summary>
    public const string Busy = "query queue";

    private readonly SemaphoreSlim _turns;
    private readonly TimeSpan _timeout;
    private int _waiting;

    public QueryAdmission(IOptions<MediatorPipelineOptions> options)
    {
        Limit = options.Value.MaxConcurrentQueries is > 0 and var limit ? limit : 2 * Environment.ProcessorCount;
        _timeout = options.Value.QueryQueueTimeout;
        _turns = new SemaphoreSlim(Limit, Limit);
    }

    /// <summary>How many queries run at once.</summary>
    public int Limit { get; }

    /// <summary>How many queries wait for their turn now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// Waits for a turn, first come first served (a turn given back goes to the longest waiting, never to a newcomer).
    /// Dispose the turn when the query is done.
    /// </summary>
    /// <exception cref="ServiceUnavailableException">No turn came within the queue timeout.</exception>
    public async ValueTask<Turn> EnterAsync(CancellationToken cancellationToken)
    {
        if (!_turns.Wait(0, CancellationToken.None))
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                if (!await _turns.WaitAsync(_timeout, cancellationToken))
                {
                    throw new ServiceUnavailableException(Busy);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        return new Turn(_turns);
    }

    public void Dispose() => _turns.Dispose();

    /// <summary>A query's turn; disposing it lets the next one in.</summary>
    public readonly struct Turn(SemaphoreSlim turns) : IDisposable
    {
        public void Dispose() => turns.Release();
    }
}
