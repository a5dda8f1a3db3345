using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace CustomerCare.Resilience.Tests.Infrastructure;

/// <summary>One request of a load test and how it ended: its status (0 when no answer came), the time it took, what it told.</summary>
public sealed record Outcome(string Kind, int Status, TimeSpan Elapsed, DateTime At, Guid? Id, string? ETag, string? RetryAfter, string? ContentType, string Body)
{
    public bool Acknowledged => Status is >= 200 and < 300;
}

/// <summary>Sends requests and records every outcome, answered or not.</summary>
public sealed class LoadLog
{
    private readonly ConcurrentQueue<Outcome> _outcomes = new();

    public IReadOnlyCollection<Outcome> Outcomes => _outcomes;

    public async Task<Outcome> SendAsync(HttpClient client, string kind, HttpRequestMessage request, Guid? id = null)
    {
        var started = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        Outcome outcome;
        try
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Created && id is null)
            {
                id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
            }

            outcome = new Outcome(kind, (int)response.StatusCode, watch.Elapsed, started, id, response.Headers.ETag?.Tag,
                response.Headers.RetryAfter?.ToString(), response.Content.Headers.ContentType?.MediaType, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            outcome = new Outcome(kind, 0, watch.Elapsed, started, id, null, null, null, ex.GetType().Name + ": " + ex.Message);
        }
        finally
        {
            request.Dispose();
        }

        _outcomes.Enqueue(outcome);
        return outcome;
    }

    /// <summary>Waits until the condition holds (checked every 50 ms), or the limit has passed: the assertions then say what was missing.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    public string Summary() => string.Join(", ", _outcomes.GroupBy(o => (o.Kind, o.Status)).OrderBy(g => g.Key)
        .Select(g => $"{g.Key.Kind} {(g.Key.Status == 0 ? "no answer" : g.Key.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {g.Count()}"));
}
