using CustomerCare.Domain.Complaints;
using CustomerCare.Infrastructure.Data;
using CustomerCare.Infrastructure.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Infrastructure.Diagnostics;

/// <summary>
/// Looks at the queues every <c>CustomerCare:Metrics:GaugeInterval</c> (15 s by default; zero turns it off) for the
/// gauges of <see cref="CustomerCareMetrics"/>: how much waits and for how long, and whether the database answered. A
/// scrape only reads what the last look found: Prometheus scraping every replica never queries the database itself.
/// Each queue count uses the partial index of its dispatcher's claim. The open complaints are counted per status from
/// the (status, received_at) index, reading only the open statuses' part of it (closed ones are most of a mature table),
/// and less often (<c>CustomerCare:Metrics:OpenComplaintsInterval</c>, a minute by default): with 700,000 open ones the
/// count takes most of a second.
/// </summary>
public sealed class OperationalGaugesWorker(
    IServiceScopeFactory scopes, CustomerCareMetrics metrics, IConfiguration configuration, TimeProvider time, ILogger<OperationalGaugesWorker> logger)
    : PeriodicWorker(scopes, time, logger)
{
    protected override TimeSpan Interval => configuration.GetValue("CustomerCare:Metrics:GaugeInterval", TimeSpan.FromSeconds(15));

    protected override string Name => "Operational gauges";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var db = services.GetRequiredService<CustomerCareDbContext>();
        try
        {
            var queues = await db.Database.SqlQueryRaw<QueueRow>(
                """
                SELECT 'outbox' AS name, count(*) AS waiting, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest_seconds
                FROM outbox_messages WHERE fanned_out_at IS NULL
                UNION ALL
                SELECT 'webhooks', count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8
                FROM webhook_deliveries WHERE status IN ('Pending', 'RetryScheduled', 'Delivering')
                UNION ALL
                SELECT 'notifications', count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8
                FROM notifications WHERE status IN ('Pending', 'RetryScheduled', 'Sending')
                """).ToListAsync(stoppingToken);
            var now = Time.GetUtcNow();
            if (now - _openCountedAt >= configuration.GetValue("CustomerCare:Metrics:OpenComplaintsInterval", TimeSpan.FromMinutes(1)))
            {
                var open = await db.Database.SqlQueryRaw<OpenRow>(
                    "SELECT status, count(*) AS count FROM complaints WHERE status = ANY({0}) GROUP BY status",
                    (object)OpenStatuses.Select(s => s.ToString()).ToArray()).ToListAsync(stoppingToken);
                var counted = open.ToDictionary(o => o.Status, o => o.Count, StringComparer.Ordinal);
                _open = OpenStatuses.Select(s => new CustomerCareMetrics.OpenComplaints(s.ToString().ToLowerInvariant(), counted.GetValueOrDefault(s.ToString()))).ToList();
                _openCountedAt = now;
            }

            metrics.Observed(queues.Select(q => new CustomerCareMetrics.Queue(q.Name, q.Waiting, q.OldestSeconds)).ToList(), _open, now);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            metrics.DatabaseUnreachable(Time.GetUtcNow());
            throw; // logged by the worker, tried again at the next interval
        }
    }

    private static readonly ComplaintStatus[] OpenStatuses = Enum.GetValues<ComplaintStatus>().Where(s => s != ComplaintStatus.Closed).ToArray();

    private IReadOnlyList<CustomerCareMetrics.OpenComplaints> _open = [];
    private DateTimeOffset _openCountedAt = DateTimeOffset.MinValue;

    internal sealed class OpenRow
    {
        public string Status { get; set; } = "";

        public long Count { get; set; }
    }

    internal sealed class QueueRow
    {
        public string Name { get; set; } = "";

        public long Waiting { get; set; }

        public double OldestSeconds { get; set; }
    }
}
