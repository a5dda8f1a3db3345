using CustomerCare.Infrastructure.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Webhooks;

/// <summary>Drives the webhook dispatcher as the background worker would, pass after pass.</summary>
public static class Dispatch
{
    public static async Task<WebhookPassResult> OnceAsync()
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>Passes until no event waits for fan-out and no delivery is still to be attempted (dead or succeeded only).</summary>
    public static async Task UntilSettledAsync(TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var pass = await OnceAsync();
            if (pass.Claimed == 0 && pass.FannedOut == 0 && await OpenAsync() == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Deliveries still open after {limit ?? TimeSpan.FromSeconds(30)}.");
            }

            if (pass.Claimed == 0)
            {
                await Task.Delay(20); // the next attempt is scheduled a little later
            }
        }
    }

    public static async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<long> OpenAsync() => ScalarAsync(
        """
        SELECT (SELECT count(*) FROM webhook_deliveries WHERE status IN ('Pending', 'RetryScheduled', 'Delivering'))
             + (SELECT count(*) FROM outbox_messages WHERE fanned_out_at IS NULL)
        """);
}
