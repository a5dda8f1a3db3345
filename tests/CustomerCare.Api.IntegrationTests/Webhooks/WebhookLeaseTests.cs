using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Application.Common.Options;
using CustomerCare.Infrastructure.Data;
using CustomerCare.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Webhooks;

/// <summary>
/// The lease on claimed webhook deliveries is short and renewed while they are being sent: a slow receiver keeps its
/// delivery with the replica sending it for longer than one lease, and a replica that cannot renew (the database does not
/// answer it) stops sending before its lease could run out, so that no delivery goes out from two replicas at once.
/// </summary>
public sealed class WebhookLeaseTests : AdminIntegrationTest
{
    /// <summary>Short, so the tests are; the receiver stalls well past it.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(6);

    private static readonly TimeSpan ReceiverStall = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Delivery_SentForLongerThanItsLease_StaysWithTheReplicaSendingIt_WhileTheLeaseIsRenewed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Stall = ReceiverStall;
        await SubscribedComplaintAsync(receiver);
        var replica = Replica();

        // Two replicas look for due work over and over while the first send is stalled for longer than a lease.
        var deadline = DateTime.UtcNow + ReceiverStall + Lease + Lease;
        var passes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var results = new List<WebhookPassResult>();
            while (receiver.Accepted.IsEmpty && DateTime.UtcNow < deadline)
            {
                results.Add(await replica.PassAsync());
                await Task.Delay(100);
            }

            return results;
        })));

        Assert.Multiple(() =>
        {
            Assert.That(receiver.Accepted, Has.Count.EqualTo(1), "the stalled delivery arrived");
            Assert.That(receiver.Requests, Is.EqualTo(1), "no second replica sent it while the first one held it");
            Assert.That(passes.SelectMany(p => p).Sum(p => p.Claimed), Is.EqualTo(1), "claimed once, though its first lease ran out mid-send");
            Assert.That(passes.SelectMany(p => p).Sum(p => p.Succeeded), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Delivery_WhoseLeaseCannotBeRenewed_IsNoLongerSent_AndAnotherPassSendsItLater()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Stall = ReceiverStall;
        await SubscribedComplaintAsync(receiver);
        var replica = Replica();

        var first = replica.PassAsync();
        while (receiver.Requests == 0 && !first.IsCompleted)
        {
            await Task.Delay(20);
        }

        // The database stops answering this replica's renewals: the row is locked until the pass has given up.
        WebhookPassResult stopped;
        await using (var connection = new NpgsqlConnection(Testing.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var hold = new NpgsqlCommand("SELECT id FROM webhook_deliveries FOR UPDATE", connection, transaction))
            {
                await hold.ExecuteNonQueryAsync();
            }

            stopped = await first;
            await transaction.RollbackAsync();
        }

        DateTime leaseEnd;
        await using (var connection = new NpgsqlConnection(Testing.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT locked_until FROM webhook_deliveries WHERE status = 'Delivering'", connection);
            leaseEnd = (DateTime)(await read.ExecuteScalarAsync())!;
        }

        receiver.Stall = TimeSpan.Zero;
        var deadline = DateTime.UtcNow + Lease + Lease + ReceiverStall;
        while (receiver.Accepted.IsEmpty && DateTime.UtcNow < deadline)
        {
            await replica.PassAsync();
            await Task.Delay(100);
        }

        Assert.Multiple(() =>
        {
            Assert.That(stopped, Is.EqualTo(new WebhookPassResult(1, 1, 0, 0, 0)), "claimed, then neither succeeded nor failed: left for the next claim");
            Assert.That(receiver.Abandoned, Is.EqualTo(1), "the replica hung up on the stalled send");
            Assert.That(receiver.AbandonedAt.Single(), Is.LessThan(leaseEnd), "it did so while its lease still held, so nobody else could be sending it");
            Assert.That(receiver.Accepted, Has.Count.EqualTo(1), "a later claim sent it");
            Assert.That(receiver.Requests, Is.EqualTo(2));
        });
    }

    private async Task SubscribedComplaintAsync(WebhookReceiver receiver)
    {
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync("Shop L");
        using var partner = ApiClient.WithApiKey(key);
        await WebhookDeliveryTests.SubscribeAsync(partner, receiver.Url, ["complaint.received"]);
        await new ComplaintApi(partner).ReceiveAsync(ComplaintApi.NewComplaint("水壶漏水", externalReference: "L-1"));
    }

    /// <summary>Dispatchers as a replica configured with the short lease and one patient attempt per pass would run them.</summary>
    private static DispatcherReplica Replica()
    {
        var settings = new WebhookOptions
        {
            LeaseDuration = Lease,
            AttemptTimeout = ReceiverStall * 3,
            ImmediateRetries = 0,
            MaxAttempts = 4,
            BreakerMinimumThroughput = 1000,
            AllowHttp = true,
            AllowPrivateNetworks = true,
        };
        var monitor = new FixedWebhookOptions(settings);
        var sender = new WebhookSender(Testing.Factory.Services.GetRequiredService<IHttpClientFactory>(), monitor, TimeProvider.System);
        return new DispatcherReplica(sender, monitor);
    }

    private sealed class DispatcherReplica(WebhookSender sender, IOptionsMonitor<WebhookOptions> settings)
    {
        public async Task<WebhookPassResult> PassAsync()
        {
            await using var scope = Testing.Factory.Services.CreateAsyncScope();
            var dispatcher = new WebhookDispatcher(scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>(), sender, settings,
                scope.ServiceProvider.GetRequiredService<CustomerCare.Infrastructure.Diagnostics.CustomerCareMetrics>(), NullLogger<WebhookDispatcher>.Instance);
            return await dispatcher.RunOnceAsync(CancellationToken.None);
        }
    }
}

/// <summary>The circuit breaker belongs to one subscription: a partner's failing receiver does not stop another's deliveries to the same host.</summary>
public sealed class WebhookCircuitTests : IntegrationTest
{
    [Test]
    public async Task ACircuitOpenedByOneSubscription_DoesNotStopAnotherSubscriptionToTheSameHost()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = new WebhookOptions
        {
            ImmediateRetries = 0, BreakerMinimumThroughput = 2, BreakerFailureRatio = 0.5, BreakerBreakDuration = TimeSpan.FromMinutes(5),
            AttemptTimeout = TimeSpan.FromSeconds(30), AllowHttp = true, AllowPrivateNetworks = true,
        };
        var sender = new WebhookSender(Testing.Factory.Services.GetRequiredService<IHttpClientFactory>(), new FixedWebhookOptions(settings), TimeProvider.System);
        var partnerA = Guid.NewGuid();
        var partnerB = Guid.NewGuid();
        var body = "{}"u8.ToArray();

        receiver.Down = true;
        var failures = new List<SendResult>();
        for (var i = 0; i < 4; i++)
        {
            failures.Add(await sender.SendAsync(partnerA, receiver.Url, "whsec_dGVzdA==", Guid.NewGuid(), "complaint.received", body, 10, CancellationToken.None));
        }

        receiver.Down = false;
        var other = await sender.SendAsync(partnerB, receiver.Url, "whsec_dGVzdA==", Guid.NewGuid(), "complaint.received", body, 10, CancellationToken.None);
        var same = await sender.SendAsync(partnerA, receiver.Url, "whsec_dGVzdA==", Guid.NewGuid(), "complaint.received", body, 10, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(failures.Any(f => f.CircuitOpen), Is.True, "A's circuit opened after its failures");
            Assert.That(other.Succeeded, Is.True, "B's delivery to the same host went through");
            Assert.That(same.CircuitOpen, Is.True, "A's circuit stays open");
        });
    }
}

internal sealed class FixedWebhookOptions(WebhookOptions value) : IOptionsMonitor<WebhookOptions>
{
    public WebhookOptions CurrentValue => value;

    public WebhookOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<WebhookOptions, string?> listener) => null;
}
