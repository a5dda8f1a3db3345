using System.Net;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Complaints;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Complaints;

/// <summary>
/// A two-character Chinese word searched alone is read from its postings (complaint_search_postings: gram, received_at,
/// complaint_id), newest first, a page at a time; PostgreSQL writes them as complaints are stored, rewrites them as their
/// texts change (an erasure) (ADR 0028).
/// </summary>
public class ComplaintSearchPostingsTests : AdminIntegrationTest
{
    private const string Postings = "complaint_search_postings";

    /// <summary>Two random ideographs of the CJK extension A: a word no other test writes.</summary>
    private static string NewWord() => string.Concat(Enumerable.Range(0, 2).Select(_ => (char)Random.Shared.Next(0x3400, 0x4DB6)));

    private async Task<JsonElement> ReceiveAsync(string title, string description, string name = "张伟") =>
        await new ComplaintApi(Admin).ReceiveAsync(new
        {
            channel = "phone",
            customer = new { name, phone = $"138 {Random.Shared.Next(1000, 9999)} {Random.Shared.Next(1000, 9999)}" },
            title,
            description,
            occurredAt = DateTimeOffset.UtcNow.AddDays(-1),
        });

    private async Task<JsonElement> PageAsync(string q, int page, int pageSize) =>
        await (await Admin.GetAsync($"/api/v1/complaints?q={Uri.EscapeDataString(q)}&page={page}&pageSize={pageSize}")).ReadJsonAsync();

    private static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    private static async Task<List<string>> GramsAsync(Guid complaint)
    {
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT p.gram FROM {Postings} p JOIN complaints c ON c.id = p.complaint_id AND c.received_at = p.received_at WHERE p.complaint_id = @id", connection);
        command.Parameters.AddWithValue("id", complaint);
        var grams = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            grams.Add(reader.GetString(0));
        }

        return grams;
    }

    [Test]
    public async Task AWord_IsReadFromItsPostings_NewestFirst_PageAfterPage()
    {
        var word = NewWord();
        var received = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var title = i % 2 == 0 ? $"第{i}次{word}" : $"第{i}次投诉";
            var description = i % 2 == 0 ? "退款申请已经提交两周" : $"家里{word}宽带无法上网";
            received.Add((await ReceiveAsync(title, description)).GetProperty("id").GetGuid());
        }

        await ReceiveAsync("分开的字", $"{word[0]}和{word[1]}"); // both characters, apart: no match
        received.Reverse(); // newest first

        using var statements = SqlCommandsSeen.WithText(Postings);
        var first = await PageAsync(word, 1, 2);
        var second = await PageAsync(word, 2, 2);
        var last = await PageAsync(word, 3, 2);
        var all = await PageAsync($" {word} ", 1, 50);

        Assert.Multiple(() =>
        {
            Assert.That(Ids(first), Is.EqualTo(received[..2]));
            Assert.That(Ids(second), Is.EqualTo(received[2..4]));
            Assert.That(Ids(last), Is.EqualTo(received[4..]));
            Assert.That(last.GetProperty("totalCount").GetInt32(), Is.EqualTo(5));
            Assert.That(last.GetProperty("totalCountIsExact").GetBoolean(), Is.True);
            Assert.That(Ids(all), Is.EqualTo(received), "trimmed, as every search is");
            Assert.That(statements.Commands, Has.Count.EqualTo(4), "one statement a page, each through the postings");
            Assert.That(statements.Commands, Has.All.StartWith("-- " + QueryTags.PlanOnce).And.All.Not.Contains("search_grams"),
                "planned once (the walk along the postings' key is the plan for every word), and nothing else narrows the rows");
        });
    }

    [Test]
    public async Task AWordAlone_IsAnsweredByItsPostings_WhileATextBeyondTheWordIsStillTestedAsASubstring()
    {
        // The postings of a bigram are exactly the complaints whose number, title or description holds it: a search for
        // the word alone needs no substring test (PostgreSQL would lower every text of the page to learn what the postings
        // say). A text with more than its one bigram ("宽带 x": x makes no gram) still reads the word's postings, and the
        // test decides which of them hold the whole text.
        var word = NewWord();
        var spaced = (await ReceiveAsync($"第一次{word} x 投诉", "家里宽带无法上网")).GetProperty("id").GetGuid();
        var plain = (await ReceiveAsync($"第二次{word}投诉", $"家里{word}x宽带无法上网")).GetProperty("id").GetGuid();
        await ReceiveAsync("分开的字", $"{word[0]} x {word[1]}"); // both characters, apart: no match

        using var statements = SqlCommandsSeen.WithText(Postings);
        var alone = Ids(await PageAsync(word, 1, 50));
        var beyond = Ids(await PageAsync($"{word} X", 1, 50));

        Assert.Multiple(() =>
        {
            Assert.That(alone, Is.EqualTo(new[] { plain, spaced }), "newest first, every complaint that holds the word");
            Assert.That(beyond, Is.EqualTo(new[] { spaced }), "only the complaint that holds the whole text (lowered), not the word alone");
            Assert.That(statements.Commands, Has.Count.EqualTo(2), "both through the postings");
            Assert.That(statements.Commands[0], Does.Not.Contain("strpos").And.Not.Contain("lower("), "the word alone: its postings decide");
            Assert.That(statements.Commands[1], Does.Contain("strpos").And.Contain("lower("), "a text beyond the word: the substring test");
        });
    }

    [Test]
    public async Task APageOfAWord_FollowsThePostingsOrder_WithoutSortingTheMatches()
    {
        // The statement orders by the postings' own (received_at, complaint_id), the primary key after the gram: PostgreSQL
        // walks it backwards and stops at the page's end. Ordered by the complaints' columns, it would read and sort every
        // match first (the GIN index's way: ~6 ms for a rare word in a million complaints, ~850 pages). The plan is the
        // generic one the API makes once per connection (QueryTags.PlanOnce): made without knowing the word or the page's
        // size, it must still be that walk, and by the backend alone however cheap parallel workers look (a worker took
        // 20-30 ms to start on the benchmark's million; the table's parallel_workers = 0).
        var word = NewWord();
        await ReceiveAsync($"{word}退款", "退款申请已经提交两周");
        var statement = await CapturedAsync(word);

        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var off = new NpgsqlCommand("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off; SET LOCAL enable_bitmapscan = off; "
            + "SET LOCAL plan_cache_mode = force_generic_plan; "
            + "SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0; SET LOCAL min_parallel_index_scan_size = 0; "
            + "SET LOCAL min_parallel_table_scan_size = 0", connection, transaction))
        {
            await off.ExecuteNonQueryAsync();
        }

        // Prepared as the API's connections prepare it, then explained as executed: with the generic plan (an unnamed
        // statement is always planned for its values).
        await using (var select = new NpgsqlCommand(statement.Text, connection, transaction))
        {
            foreach (var (name, value) in statement.Parameters)
            {
                select.Parameters.AddWithValue(name, value);
            }

            await select.PrepareAsync();
        }

        await using var named = new NpgsqlCommand(
            "SELECT name, cardinality(parameter_types) FROM pg_prepared_statements WHERE strpos(statement, 'complaint_search_postings') > 0", connection, transaction);
        var (prepared, count) = (string.Empty, 0);
        await using (var reader = await named.ExecuteReaderAsync())
        {
            Assert.That(await reader.ReadAsync(), Is.True, "the statement is prepared");
            (prepared, count) = (reader.GetString(0), reader.GetInt32(1));
        }

        // The generic plan does not depend on the values: NULLs of the parameters' own types will do.
        await using var explain = new NpgsqlCommand($"EXPLAIN EXECUTE {prepared}({string.Join(", ", Enumerable.Repeat("NULL", count))})", connection, transaction);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        var text = string.Join('\n', plan);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Index Only Scan Backward using pk_complaint_search_postings"), text);
            Assert.That(text, Does.Not.Contain("Sort"), text);
            Assert.That(text, Does.Match(@"gram = \$\d"), "the generic plan, made without the word: " + text);
            // The postings' walk is the backend's own. (The complaints' side may go either way in the test database, whose
            // few complaints can make a parallel scan of them look as cheap as a lookup per posting: not what is asserted.)
            Assert.That(text, Does.Not.Match(@"Parallel[^\n]*complaint_search_postings"), text);
        });
    }

    [Test]
    public async Task ThePostingsAreTheComplaintsBigrams_AndFollowTheirTextsThroughAnErasure()
    {
        var word = NewWord();
        var created = await ReceiveAsync($"{word}退款未到账", "订单 20261204 的退款申请已经提交两周", "李娜");
        var id = created.GetProperty("id").GetGuid();
        var (complaint, _) = await new ComplaintApi(Admin).GetAsync(id);
        var texts = string.Join(' ', complaint.GetProperty("number").GetString(), complaint.GetProperty("title").GetString(), complaint.GetProperty("description").GetString());
        var bigrams = ComplaintGramSearch.Indexed(texts).Where(g => g.Length == 2).ToList();

        var before = await GramsAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(bigrams, Does.Contain(word).And.Contain("退款").And.Count.GreaterThan(5));
            Assert.That(before, Is.EquivalentTo(bigrams), "a posting for each CJK bigram (none for the digits' grams), received when the complaint was");
        });

        var customer = complaint.GetProperty("customerId").GetGuid();
        await (await Admin.PostAsync($"/api/v1/customers/{customer}/erase", null)).AssertStatusAsync(HttpStatusCode.NoContent);

        var after = await GramsAsync(id);
        var found = Ids(await PageAsync(word, 1, 50));
        Assert.Multiple(() =>
        {
            Assert.That(after, Is.Empty, "the erased texts' words are gone from the postings (the redacted texts have none)");
            Assert.That(found, Is.Empty);
        });
    }

    /// <summary>The statement a search for <paramref name="word"/> sends, with its parameters.</summary>
    private async Task<(string Text, List<(string Name, object Value)> Parameters)> CapturedAsync(string word)
    {
        using var seen = SqlCommandsSeen.WithText(Postings);
        await (await Admin.GetAsync($"/api/v1/complaints?q={Uri.EscapeDataString(word)}&pageSize=50")).AssertStatusAsync(HttpStatusCode.OK);
        return seen.Statements.Single();
    }
}
