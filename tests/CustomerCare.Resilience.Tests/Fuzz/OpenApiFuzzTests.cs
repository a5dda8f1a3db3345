using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Resilience.Tests.Infrastructure;
using Npgsql;

namespace CustomerCare.Resilience.Tests.Fuzz;

/// <summary>
/// Drives every operation of openapi.yaml (as the running API serves it: a contract test keeps the two equal) with
/// generated well-formed and hostile requests, as an administrator and as a partner. Never a 5xx, never a stack trace or
/// internal name in a response, and a request that is refused (4xx) leaves every stored row as it was. Seeded and
/// repeatable: CUSTOMERCARE_FUZZ_SEED picks the seed (printed with every failure), CUSTOMERCARE_FUZZ_CASES the number of
/// cases per operation and caller.
/// </summary>
[NonParallelizable]
public class OpenApiFuzzTests
{
    private static readonly string[] Internals = ["   at ", "Exception", "Npgsql", "CustomerCare.", "StackTrace", "SELECT ", "INSERT "];

    // Tables a refused request may still write to: the sign-in throttle, the customer access log (reads are logged),
    // idempotency records, a partner key's last use. Everything else must not change.
    private static readonly string[] Volatile = ["__EFMigrationsHistory", "sign_in_throttles", "customer_access_log", "idempotency_keys", "partner_api_keys"];

    [Test]
    public async Task EveryOperation_WithGeneratedAndHostileInput_NeverFails_NorLeaks_NorChangesWhatItRefuses()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CUSTOMERCARE_FUZZ_SEED"), out var s) ? s : 20261123;
        var perOperation = int.TryParse(Environment.GetEnvironmentVariable("CUSTOMERCARE_FUZZ_CASES"), out var c) ? c : 12;
        TestContext.Out.WriteLine($"fuzz seed {seed} (CUSTOMERCARE_FUZZ_SEED={seed} repeats this run), {perOperation} cases per operation and caller");

        var connectionString = await OwnCluster.CreateDatabaseAsync("resilience_fuzz");
        await using var api = new ApiProcess(connectionString, new Dictionary<string, string>
        {
            ["CustomerCare__Sla__ScanInterval"] = "00:00:00",
            ["CustomerCare__Webhooks__DispatchInterval"] = "00:00:00",
            ["CustomerCare__Surveys__CampaignInterval"] = "00:00:00",
        });
        await api.StartAsync();
        using var admin = await api.AdminAsync();
        var (partner, knownIds) = await SeedAsync(api, admin);
        using var _ = partner;

        var document = JsonDocument.Parse(await admin.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var operations = FuzzCases.Operations(document);
        var committed = File.ReadAllLines(Path.Combine(RepositoryRoot.Find(), "openapi.yaml")).Count(l => l.TrimStart().StartsWith("operationId:", StringComparison.Ordinal));
        Assert.That(operations, Has.Count.EqualTo(committed), "every operation of openapi.yaml is driven");

        var cases = new FuzzCases(document, new Random(seed), knownIds);
        var failures = new List<string>();
        var sent = 0;
        var statuses = new SortedDictionary<int, int>();
        var before = await FingerprintAsync(connectionString);
        foreach (var operation in operations.OrderBy(o => o.Method == "DELETE").ThenBy(o => o.OperationId, StringComparer.Ordinal))
        {
            foreach (var caller in new[] { admin, partner })
            {
                for (var i = 0; i < perOperation; i++)
                {
                    var fuzz = cases.Next(operation);
                    var (status, body) = await SendAsync(caller, fuzz);
                    sent++;
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    var after = await FingerprintAsync(connectionString);
                    if (status is >= 500 or 0)
                    {
                        failures.Add($"{fuzz.Description} {fuzz.Method} {Truncate(fuzz.Url)} answered {status}: {Truncate(body)}");
                    }
                    else if (Internals.FirstOrDefault(marker => body.Contains(marker, StringComparison.Ordinal)) is { } leak)
                    {
                        failures.Add($"{fuzz.Description} {fuzz.Method} {Truncate(fuzz.Url)} leaked '{leak}': {Truncate(body)}");
                    }
                    else if (status >= 400 && after.Changed(before) is { Count: > 0 } changed)
                    {
                        failures.Add($"{fuzz.Description} {fuzz.Method} {Truncate(fuzz.Url)} answered {status} but changed {string.Join(", ", changed)}");
                    }

                    before = after;
                }
            }
        }

        TestContext.Out.WriteLine($"fuzz: {operations.Count} operations, {sent} requests, " +
            $"{statuses.Where(p => p.Key >= 500).Sum(p => p.Value)} answered 5xx; statuses {string.Join(", ", statuses.Select(p => $"{p.Key}: {p.Value}"))}");
        foreach (var failure in failures)
        {
            TestContext.Out.WriteLine(failure);
        }

        Assert.That(failures, Is.Empty, $"seed {seed}: {failures.Count} of {sent} requests failed (each is listed in the output)");
    }

    private static async Task<(int Status, string Body)> SendAsync(HttpClient client, FuzzCase fuzz)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), fuzz.Url);
        // A connection of its own per case: after refusing a body it did not read to the end, Kestrel may close the
        // connection once the answer is out, and a client reusing it at that moment gets a reset that says nothing of
        // the API. An answer that does not come on a fresh connection is a failure.
        request.Headers.ConnectionClose = true;
        if (fuzz.Body is not null)
        {
            // The body waits for the server's 100 Continue. A body the API refuses unread (too large, a wrong media type, no
            // credentials) is then never sent: the client reads the refusal instead of racing Kestrel, which closes the
            // connection after such a refusal, with the rest of its upload (under load, the upload lost that race).
            request.Headers.ExpectContinue = true;
            request.Content = new ByteArrayContent(fuzz.Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
        }

        foreach (var (name, value) in fuzz.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await client.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (0, ex.Message);
        }
    }

    /// <summary>Resources for path ids to hit: a complaint, a customer, a staff member who is not the caller, a department, a partner and its key, a webhook.</summary>
    private static async Task<(HttpClient Partner, Dictionary<string, string> KnownIds)> SeedAsync(ApiProcess api, HttpClient admin)
    {
        async Task<JsonElement> Post(HttpClient client, string url, object body)
        {
            var response = await client.PostAsJsonAsync(url, body);
            Assert.That(response.IsSuccessStatusCode, Is.True, $"{url}: {await response.Content.ReadAsStringAsync()}");
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var partnerId = (await Post(admin, "/api/v1/partners", new { name = "Fuzz partner" })).GetProperty("id").GetGuid();
        var key = (await Post(admin, $"/api/v1/partners/{partnerId}/keys", new { name = "fuzz" })).GetProperty("key").GetString()!;
        var otherPartner = (await Post(admin, "/api/v1/partners", new { name = "Other partner" })).GetProperty("id").GetGuid();
        var otherKey = (await Post(admin, $"/api/v1/partners/{otherPartner}/keys", new { name = "other" })).GetProperty("id").GetGuid();
        var partner = api.Client();
        partner.DefaultRequestHeaders.Add("X-Api-Key", key);

        var complaint = await Post(admin, "/api/v1/complaints", Complaints.New(1));
        var departments = await admin.GetFromJsonAsync<JsonElement>("/api/v1/departments");
        var department = departments.GetProperty("items")[0].GetProperty("id").GetGuid();
        var staff = (await Post(admin, "/api/v1/staff", new
        {
            name = "Fuzz agent", email = "fuzz.agent@example.com", departmentId = department, roles = new[] { "agent" }, password = "Fuzz-Agent-Passw0rd!",
        })).GetProperty("id").GetGuid();
        var webhook = (await Post(admin, "/api/v1/webhooks", new { url = "https://hooks.example.com/care", eventTypes = new[] { "complaint.received" } }))
            .GetProperty("webhook").GetProperty("id").GetGuid();
        var ids = new Dictionary<string, string>
        {
            ["complaints.id"] = complaint.GetProperty("id").GetString()!,
            ["customers.id"] = complaint.GetProperty("customerId").GetString()!,
            ["staff.id"] = staff.ToString(),
            ["departments.id"] = department.ToString(),
            ["partners.id"] = otherPartner.ToString(),
            ["partners.keyId"] = otherKey.ToString(),
            ["webhooks.id"] = webhook.ToString(),
        };
        return (partner, ids);
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static async Task<Fingerprint> FingerprintAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND NOT (tablename = ANY($1)) ORDER BY 1", connection))
        {
            list.Parameters.Add(new NpgsqlParameter { Value = Volatile });
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var sql = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM \"{t}\" x"));
        var hashes = new Dictionary<string, string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            hashes[rows.GetString(0)] = rows.GetString(1);
        }

        return new Fingerprint(hashes);
    }

    private sealed record Fingerprint(Dictionary<string, string> Tables)
    {
        public List<string> Changed(Fingerprint before) =>
            Tables.Where(t => before.Tables.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key).ToList();
    }
}
