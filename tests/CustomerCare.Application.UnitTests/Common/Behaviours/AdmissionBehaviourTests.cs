using CustomerCare.Application.Common.Behaviours;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.UnitTests.Common.Behaviours;

public class AdmissionBehaviourTests
{
    // Only a guard against a hang: nothing here waits for time to pass but the queue timeout test, by design.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private static QueryAdmission Admission(int limit, TimeSpan? timeout = null) =>
        new(Options.Create(new MediatorPipelineOptions { MaxConcurrentQueries = limit, QueryQueueTimeout = timeout ?? Hang }));

    /// <summary>A query whose handler runs until it is told to finish, and says when it started.</summary>
    private sealed class HeldQuery
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<int> _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HeldQuery(QueryAdmission admission, int number, CancellationToken cancellationToken = default)
        {
            Result = new AdmissionBehaviour<FindThingQuery, int>(admission).Handle(new FindThingQuery(number), (query, _) =>
            {
                _started.SetResult();
                return new ValueTask<int>(_finish.Task);
            }, cancellationToken).AsTask();
        }

        public Task<int> Result { get; }

        /// <summary>A query that has its turn and runs until told to finish.</summary>
        public static async Task<HeldQuery> StartedAsync(QueryAdmission admission, int number)
        {
            var query = new HeldQuery(admission, number);
            await query.Started;
            return query;
        }

        public bool HasStarted => _started.Task.IsCompleted;

        public Task Started => _started.Task.WaitAsync(Hang);

        public void Finish(int value) => _finish.SetResult(value);

        /// <summary>Finishes the query and gives its answer, once its turn is given back.</summary>
        public async Task<int> FinishAsync(int value)
        {
            Finish(value);
            return await Result.WaitAsync(Hang);
        }

        public void Fail() => _finish.SetException(new InvalidOperationException("the handler failed"));
    }

    [Test]
    public async Task QueriesBeyondTheLimit_WaitForATurn_AndGetItInTheOrderTheyCame()
    {
        using var admission = Admission(limit: 2);
        var queries = Enumerable.Range(0, 4).Select(n => new HeldQuery(admission, n)).ToList();
        await queries[0].Started;
        await queries[1].Started;

        Assert.Multiple(() =>
        {
            Assert.That(queries[2].HasStarted || queries[3].HasStarted, Is.False, "two turns, two queries running");
            Assert.That(admission.Waiting, Is.EqualTo(2));
        });

        queries[1].Finish(1);
        await queries[2].Started;
        Assert.That(queries[3].HasStarted, Is.False, "the turn given back went to the query that came first");

        queries[0].Finish(0);
        await queries[3].Started;
        queries[2].Finish(2);
        queries[3].Finish(3);
        Assert.That(await Task.WhenAll(queries.Select(q => q.Result)).WaitAsync(Hang), Is.EqualTo(new[] { 0, 1, 2, 3 }));
        Assert.That(admission.Waiting, Is.Zero);
    }

    [Test]
    public async Task AQueryThatWaitedPastTheQueueTimeout_IsRefusedAsUnavailable_AndTakesNoTurn()
    {
        using var admission = Admission(limit: 1, timeout: TimeSpan.FromMilliseconds(50));
        var running = await HeldQuery.StartedAsync(admission, 1);

        var refused = new HeldQuery(admission, 2);
        var thrown = Assert.ThrowsAsync<ServiceUnavailableException>(() => refused.Result.WaitAsync(Hang));
        Assert.Multiple(() =>
        {
            Assert.That(thrown!.Dependency, Is.EqualTo(QueryAdmission.Busy));
            Assert.That(refused.HasStarted, Is.False);
            Assert.That(admission.Waiting, Is.Zero);
        });

        Assert.That(await running.FinishAsync(1), Is.EqualTo(1));
        var next = new HeldQuery(admission, 3);
        Assert.That(next.HasStarted, Is.True, "the one turn is free again at once");
        Assert.That(await next.FinishAsync(3), Is.EqualTo(3));
    }

    [Test]
    public async Task AQueryCancelledWhileWaiting_LeavesTheQueue_AndTheTurnsStayWhole()
    {
        using var admission = Admission(limit: 1);
        var running = await HeldQuery.StartedAsync(admission, 1);
        using var cancel = new CancellationTokenSource();
        var cancelled = new HeldQuery(admission, 2, cancel.Token);
        var after = new HeldQuery(admission, 3);

        await cancel.CancelAsync();
        Assert.That(() => cancelled.Result.WaitAsync(Hang), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(admission.Waiting, Is.EqualTo(1));

        running.Finish(1);
        await after.Started;
        Assert.That(cancelled.HasStarted, Is.False);
        Assert.That(await after.FinishAsync(3), Is.EqualTo(3));
        Assert.That(new HeldQuery(admission, 4).HasStarted, Is.True, "no turn was lost to the cancelled wait");
    }

    [Test]
    public async Task AFailingQuery_GivesItsTurnBack()
    {
        using var admission = Admission(limit: 1);
        var failing = await HeldQuery.StartedAsync(admission, 1);
        var next = new HeldQuery(admission, 2);

        failing.Fail();
        Assert.That(() => failing.Result.WaitAsync(Hang), Throws.InvalidOperationException);
        await next.Started;
        Assert.That(await next.FinishAsync(2), Is.EqualTo(2));
    }

    [Test]
    public async Task CommandsAndReportQueries_RunWhileEveryTurnIsTaken()
    {
        using var admission = Admission(limit: 1);
        var running = await HeldQuery.StartedAsync(admission, 1);

        var command = new AdmissionBehaviour<RenameThingCommand, int>(admission)
            .Handle(new RenameThingCommand(), (_, _) => new ValueTask<int>(7), CancellationToken.None);
        var report = new AdmissionBehaviour<ThingReportQuery, int>(admission)
            .Handle(new ThingReportQuery(), (_, _) => new ValueTask<int>(8), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(command.IsCompletedSuccessfully && command.Result == 7, Is.True, "a command is not held back");
            Assert.That(report.IsCompletedSuccessfully && report.Result == 8, Is.True, "a report query is not held back");
            Assert.That(admission.Waiting, Is.Zero);
        });
        Assert.That(await running.FinishAsync(1), Is.EqualTo(1));
    }

    [Test]
    public void WithoutALimitConfigured_TwiceTheProcessorsRunAtOnce()
    {
        using var admission = Admission(limit: 0);

        Assert.That(admission.Limit, Is.EqualTo(2 * Environment.ProcessorCount));
    }
}
