using System.Net;
using System.Text;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Api.IntegrationTests.Webhooks;

namespace CustomerCare.Api.IntegrationTests.Complaints;

public sealed class ImportTests : IntegrationTest
{
    private const string Csv =
        "externalReference,channel,title,description,customerName,customerPhone,customerEmail,severity\r\n" +
        "R-1,phone,Kettle leaks,\"The base leaks, badly\",Zhang Wei,138 0013 8000,,general\r\n" +
        "R-2,email,Toaster burns,\"Says \"\"burnt\"\" on the\nsecond line\",Li Na,,li.na@example.com,major\r\n" +
        "R-3,telepathy,Bad channel,Something,Wang Fang,137 0013 7000,,\r\n" +
        ",phone,No reference,Something,Wang Fang,137 0013 7000,,\r\n" +
        "R-1,phone,Kettle leaks again,Repeated in the file,Zhang Wei,+8613800138000,,\r\n" +
        "R-4,phone,,No title,Zhao Lei,136 0013 6000,,\r\n";

    [Test]
    public async Task Import_OfAMixedCsv_CreatesTheValidRows_ReportsEveryRow_AndAReimportCreatesNothing()
    {
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync();
        using var partner = ApiClient.WithApiKey(key);

        var (report, rows) = await ImportAsync(partner, Csv, "text/csv");

        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("status").GetString(), Is.EqualTo("completed"));
            Assert.That(report.GetProperty("totalRows").GetInt32(), Is.EqualTo(6));
            Assert.That(report.GetProperty("rowsDone").GetInt32(), Is.EqualTo(6));
            Assert.That(report.GetProperty("created").GetInt32(), Is.EqualTo(2));
            Assert.That(report.GetProperty("duplicates").GetInt32(), Is.EqualTo(1));
            Assert.That(report.GetProperty("errors").GetInt32(), Is.EqualTo(3));
            Assert.That(rows.Select(r => r.GetProperty("line").GetInt32()), Is.EqualTo(new[] { 2, 3, 5, 6, 7, 8 }), "lines as in the file (a quoted line break included)");
            Assert.That(rows.Select(r => r.GetProperty("status").GetString()), Is.EqualTo(new[] { "created", "created", "error", "error", "duplicate", "error" }));
            Assert.That(rows[2].GetProperty("errors").TryGetProperty("channel", out _), Is.True);
            Assert.That(rows[3].GetProperty("errors").TryGetProperty("externalReference", out _), Is.True);
            Assert.That(rows[4].GetProperty("complaintId").GetGuid(), Is.EqualTo(rows[0].GetProperty("complaintId").GetGuid()));
            Assert.That(rows[5].GetProperty("errors").TryGetProperty("title", out _), Is.True);
        });

        var second = await (await partner.GetAsync($"/api/v1/complaints/{rows[1].GetProperty("complaintId").GetGuid()}")).ReadJsonAsync();
        Assert.That(second.GetProperty("description").GetString(), Is.EqualTo("Says \"burnt\" on the\nsecond line"));

        var (again, againRows) = await ImportAsync(partner, Csv, "text/csv");
        Assert.Multiple(() =>
        {
            Assert.That(again.GetProperty("id").GetGuid(), Is.Not.EqualTo(report.GetProperty("id").GetGuid()), "a new job without an Idempotency-Key");
            Assert.That(again.GetProperty("created").GetInt32(), Is.Zero);
            Assert.That(again.GetProperty("duplicates").GetInt32(), Is.EqualTo(3));
            Assert.That(againRows[0].GetProperty("complaintId").GetGuid(), Is.EqualTo(rows[0].GetProperty("complaintId").GetGuid()));
        });
        var list = await (await partner.GetAsync("/api/v1/complaints")).ReadJsonAsync();
        Assert.That(list.GetProperty("totalCount").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task Import_RefusesAnUnknownCategory_OnEveryRowThatNamesIt_AndKeepsTheOthers()
    {
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync();
        using var partner = ApiClient.WithApiKey(key);
        string WithCategory(string reference, string category) =>
            $$$"""{"externalReference":"{{{reference}}}","channel":"phone","title":"宽带断网","description":"整栋楼无法上网","category":"{{{category}}}","customer":{"name":"王芳","phone":"138 0013 8000"}}""";
        var lines = new[] { WithCategory("U-1", "noSuchCategory"), WithCategory("U-2", "noSuchCategory"), WithCategory("U-3", "technicalFault") };

        var (_, rows) = await ImportAsync(partner, string.Join('\n', lines), "application/x-ndjson");

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.GetProperty("status").GetString()), Is.EqualTo(new[] { "error", "error", "created" }));
            Assert.That(rows[1].GetProperty("errors").TryGetProperty("category", out _), Is.True, rows[1].ToString());
        });
    }

    [Test]
    public async Task Import_OfNdjson_SharesCustomersAcrossRows_AndReportsBrokenLines()
    {
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync();
        using var partner = ApiClient.WithApiKey(key);
        var lines = new[]
        {
            Line("N-1", "Kettle leaks", "138 0013 8000"),
            "{ this is not json",
            Line("N-2", "Kettle leaks again", "+86 138-0013-8000"),
            "",
            """{"externalReference":"N-3","title":"No channel","description":"x","customer":{"name":"A","phone":"137 0013 7000"}}""",
        };

        var (_, rows) = await ImportAsync(partner, string.Join('\n', lines), "application/x-ndjson");

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.GetProperty("status").GetString()), Is.EqualTo(new[] { "created", "error", "created", "error" }));
            Assert.That(rows.Select(r => r.GetProperty("line").GetInt32()), Is.EqualTo(new[] { 1, 2, 3, 5 }));
            Assert.That(rows[3].GetProperty("errors").TryGetProperty("channel", out _), Is.True);
        });
        var customers = await Dispatch.ScalarAsync("SELECT count(*) FROM customers");
        Assert.That(customers, Is.EqualTo(1), "the same phone in two formats, in one batch, is one customer");
    }

    [Test]
    public async Task Import_RefusesWhatItCannotRead_AndIsForPartnersOnly()
    {
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync();
        using var partner = ApiClient.WithApiKey(key);
        using var admin = await ApiClient.AsAdminAsync();

        await HttpAssertions.AssertProblemAsync(await PostAsync(partner, "a,b", "application/xml"), HttpStatusCode.UnsupportedMediaType);
        var unknown = await HttpAssertions.AssertProblemAsync(await PostAsync(partner, "externalReference,colour\r\nX,red\r\n", "text/csv"), HttpStatusCode.BadRequest);
        Assert.That(unknown.GetProperty("errors").GetProperty("file")[0].GetString(), Does.Contain("colour"));
        await HttpAssertions.AssertProblemAsync(await PostAsync(partner, "", "application/x-ndjson"), HttpStatusCode.BadRequest);
        await HttpAssertions.AssertProblemAsync(await PostAsync(admin, Csv, "text/csv"), HttpStatusCode.Forbidden);
    }

    private static string Line(string reference, string title, string phone) => JsonSerializer.Serialize(new
    {
        externalReference = reference,
        channel = "phone",
        title,
        description = "Leaks.",
        customer = new { name = "Zhang Wei", phone },
    });

    /// <summary>Posts the file (202 with the job's Location), waits for the job to end, and reads its report.</summary>
    internal static async Task<(JsonElement Job, List<JsonElement> Rows)> ImportAsync(HttpClient client, string body, string mediaType, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints/import") { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var accepted = await response.ReadJsonAsync();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/complaint-imports/{accepted.GetProperty("id").GetGuid()}"));
        return await WaitForAsync(client, response.Headers.Location!.ToString());
    }

    /// <summary>Polls the job until it has ended (a loaded machine may take a while: up to two minutes), then reads every line of its report.</summary>
    internal static async Task<(JsonElement Job, List<JsonElement> Rows)> WaitForAsync(HttpClient client, string location)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        JsonElement job;
        while (true)
        {
            job = await (await client.GetAsync(location)).ReadJsonAsync();
            if (job.GetProperty("status").GetString() is "completed" or "failed" || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(50);
        }

        Assert.That(job.GetProperty("status").GetString(), Is.EqualTo("completed"), () => job + "\n" + string.Join("\n",
            TestLogs.Lines.Where(l => l.Category.EndsWith("ComplaintImportWorker", StringComparison.Ordinal)).Select(l => $"{l.Message} {l.Exception}")));
        var rows = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var list = await (await client.GetAsync($"{location}/rows?page={page}&pageSize=200")).ReadJsonAsync();
            rows.AddRange(list.GetProperty("items").EnumerateArray().Select(r => r.Clone()));
            if (page >= list.GetProperty("totalPages").GetInt32())
            {
                return (job, rows);
            }
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string mediaType) =>
        client.PostAsync("/api/v1/complaints/import", new StringContent(body, Encoding.UTF8, mediaType));
}
