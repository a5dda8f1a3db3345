using System.Data.Common;
using System.Net;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Complaints;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Complaints;

/// <summary>
/// A search for digits (an order number, a waybill, a complaint's number) or a two-character Chinese word goes through the
/// index of search grams first (digit 4-grams, CJK bigrams), and finds exactly what the substring search finds: digits
/// anywhere in a run, in Chinese text, a word inside longer text, never across fields. Longer phrases keep the trigram
/// indexes and find the same.
/// </summary>
public class ComplaintGramSearchTests : AdminIntegrationTest
{
    private async Task<Guid> ReceiveAsync(string title, string description)
    {
        var body = await new ComplaintApi(Admin).ReceiveAsync(new
        {
            channel = "phone",
            customer = new { name = "张伟", phone = "138 0013 8000" },
            title,
            description,
            occurredAt = DateTimeOffset.UtcNow.AddDays(-1),
        });
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>The search statements sent with a text parameter <paramref name="matches"/> picks out (the grams, or the text).</summary>
    private static SqlCommandsSeen SearchesWithGrams(Func<string, bool> matches) =>
        new(command => command.CommandText.Contains("search_grams_contain", StringComparison.Ordinal)
            && command.Parameters.Cast<DbParameter>().Any(p => p.Value is string value && matches(value)));

    private async Task<List<Guid>> FindAsync(string q, string filters = "") =>
        (await (await Admin.GetAsync("/api/v1/complaints?pageSize=50&q=" + Uri.EscapeDataString(q) + filters)).ReadJsonAsync()).GetProperty("items")
            .EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    [Test]
    public async Task DigitsAreFoundAnywhereInARun_InChineseText_InTheTitle_AndNeverAcrossFields()
    {
        // Digits no other test writes: ten random ones.
        var run = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var middle = run[2..8];
        var inChinese = await ReceiveAsync("快递延误", $"订单号{run}已付款,但是一直没有发货。");
        var inTitle = await ReceiveAsync($"运单 SF{run}", "包裹破损");
        var onlyPart = await ReceiveAsync("部分号码", $"订单 {run[..6]} 与 {run[6..]} 是两张订单"); // the run split in two: not a match
        var acrossFields = await ReceiveAsync($"结尾 {run[..5]}", $"{run[5..]} 开头"); // title's end + description's start
        var fullWidth = await ReceiveAsync("全角数字", $"订单号{string.Concat(run.Select(d => (char)(d - '0' + '０')))}"); // not ASCII digits
        var number = (await new ComplaintApi(Admin).GetAsync(inChinese)).Body.GetProperty("number").GetString()!;

        var grams = string.Join(' ', Enumerable.Range(0, run.Length - 3).Select(i => run.Substring(i, 4)).Distinct().Order(StringComparer.Ordinal));
        using var statements = SqlCommandsSeen.WithText("search_grams_contain");
        using var withTheGrams = SearchesWithGrams(value => value == grams);
        using var withFullWidth = SearchesWithGrams(value => value.Contains('０'));
        Assert.Multiple(async () =>
        {
            Assert.That(await FindAsync(run), Is.EquivalentTo(new[] { inChinese, inTitle }));
            Assert.That(await FindAsync(middle), Is.EquivalentTo(new[] { inChinese, inTitle }), "digits from the middle of a run");
            Assert.That(await FindAsync($"号{run}已"), Is.EquivalentTo(new[] { inChinese }), "digits inside Chinese words");
            Assert.That(await FindAsync($"sf{run}"), Is.EquivalentTo(new[] { inTitle }), "a reference, letters in any case");
            Assert.That(await FindAsync(number), Is.EqualTo(new[] { inChinese }), "a complaint's own number");
            Assert.That(await FindAsync($"{run[..6]} 与 {run[6..]}"), Is.EqualTo(new[] { onlyPart }), "two runs in one search");
            Assert.That(await FindAsync(run[..5] + run[5..]), Does.Not.Contain(acrossFields), "the end of one field and the start of the next");
            Assert.That(await FindAsync(string.Concat(run.Select(d => (char)(d - '0' + '０')))), Is.EqualTo(new[] { fullWidth }),
                "full-width digits match themselves (through the trigram indexes)");
        });

        Assert.That(withTheGrams.Commands, Is.Not.Empty, "the digits' grams, computed here, are what the statement gets");
        Assert.That(statements.Commands, Has.All.StartWith("-- " + QueryTags.PlanEachTime),
            "planned for each search's own digits (how rare they are), never with a plan made for others");
        Assert.That(statements.Commands, Has.All.Not.Contains("LIKE"),
            "no LIKE beside the grams: PostgreSQL would run each over the trigram indexes' statistics to plan it");
        Assert.That(withFullWidth.Commands, Is.Empty, "full-width digits take the trigram path");
    }

    [Test]
    public async Task ChinesePhrasesAreFoundThroughTheirBigrams_TwoCharactersToo_AndNeverAcrossFields()
    {
        // Characters no other test writes: two random ideographs of the CJK extension A.
        var tag = string.Concat(Enumerable.Range(0, 2).Select(_ => (char)Random.Shared.Next(0x3400, 0x4DB6)));
        var inDescription = await ReceiveAsync("宽带断网", $"家里{tag}宽带三天无法上网。");
        var inTitle = await ReceiveAsync($"{tag}退款未到账", "退款申请已经提交两周");
        var acrossFields = await ReceiveAsync($"结尾{tag[0]}", $"{tag[1]}开头"); // title's end + description's start
        var apart = await ReceiveAsync("分开的字", $"{tag[0]}和{tag[1]}");

        using var statements = SqlCommandsSeen.WithText("search_grams_contain");
        using var withTheBigram = SearchesWithGrams(value => value == tag);
        using var longerWithGrams = SearchesWithGrams(value => value.Contains('宽'));
        Assert.Multiple(async () =>
        {
            // The word alone is read from its postings (ComplaintSearchPostingsTests); with a filter, through the grams' index.
            Assert.That(await FindAsync(tag), Is.EquivalentTo(new[] { inDescription, inTitle }), "two characters: no trigram, one bigram");
            Assert.That(await FindAsync(tag, "&status=received"), Is.EquivalentTo(new[] { inDescription, inTitle }), "through the grams' index");
            Assert.That(await FindAsync($" {tag} ", "&status=received"), Is.EquivalentTo(new[] { inDescription, inTitle }), "trimmed as every search is");
            Assert.That(await FindAsync($"{tag}宽带"), Is.EqualTo(new[] { inDescription }), "a longer phrase (through the trigram indexes)");
            Assert.That(await FindAsync($"{tag}退款未到账"), Is.EqualTo(new[] { inTitle }), "in the title");
            Assert.That(await FindAsync($"{tag[1]}退款申"), Is.Empty, "the title's end and the description's start are not one phrase");
        });

        Assert.That(withTheBigram.Commands, Is.Not.Empty, "the word's bigram, computed here, is what the statement gets");
        Assert.That(statements.Commands, Has.All.StartWith("-- " + QueryTags.PlanEachTime).And.All.Not.Contains("LIKE"));
        Assert.That(longerWithGrams.Commands, Is.Empty, "a phrase of three characters or more stays with the trigram indexes");
        Assert.That(await FindAsync(tag), Does.Not.Contain(acrossFields).And.Not.Contain(apart), "never across fields, never apart");
        Assert.That(await FindAsync(tag, "&status=received"), Does.Not.Contain(acrossFields).And.Not.Contain(apart), "nor through the grams' index");
    }

    [Test]
    public async Task APhraseWithoutCase_IsTestedOnTheTextsAsTheyAreFirst_WithTheSameMatches()
    {
        // Characters no other test writes: three random ideographs of the CJK extension A.
        var tag = string.Concat(Enumerable.Range(0, 3).Select(_ => (char)Random.Shared.Next(0x3400, 0x4DB6)));
        var chinese = await ReceiveAsync($"{tag}退款", "退款申请已经提交两周");
        var lettered = await ReceiveAsync("路由器坏了", $"ROUTER{tag}坏了，已重启。");
        var inNumber = await new ComplaintApi(Admin).GetAsync(chinese);
        var number = inNumber.Body.GetProperty("number").GetString()!;

        using var caseless = SqlCommandsSeen.WithParameter($"%{tag}%");
        var byPhrase = await FindAsync($"{tag}坏了，");
        var byTag = await FindAsync(tag);
        var filtered = await FindAsync(tag, "&status=received"); // a search with a filter: the general path
        var caselessStatements = caseless.Commands;
        caseless.Dispose();
        using var cased = SqlCommandsSeen.WithParameter($"%router{tag}%");
        var byLetters = await FindAsync($"Router{tag}");
        var byNumber = await FindAsync(number.ToLowerInvariant());

        Assert.Multiple(() =>
        {
            Assert.That(byTag, Is.EquivalentTo(new[] { chinese, lettered }));
            Assert.That(filtered, Is.EquivalentTo(new[] { chinese, lettered }), "with a filter too");
            Assert.That(byPhrase, Is.EqualTo(new[] { lettered }), "with punctuation, which has no case either");
            Assert.That(byLetters, Is.EqualTo(new[] { lettered }), "letters in any case");
            Assert.That(byNumber, Is.EqualTo(new[] { chinese }), "a number in lower case finds its upper-case letters");
            Assert.That(caselessStatements, Has.Count.EqualTo(2), "the search alone (compiled) and with a filter (the general path)");
            Assert.That(caselessStatements, Has.All.Match("\\(c\\.\"?number\"? LIKE @\\w+ ESCAPE").IgnoreCase,
                "the columns as they are, beside their lower case: " + string.Join("\n---\n", caselessStatements));
            Assert.That(cased.Commands, Is.Not.Empty);
            Assert.That(cased.Commands, Has.None.Match("\\(c\\.\"?number\"? LIKE").IgnoreCase, "letters: only their lower case");
        });
    }

    [Test]
    public async Task TheGramIndexAnswersTheSearchFunction()
    {
        // The function is inlined into search_grams @> string_to_array('...', ' '), on the indexed column: were either
        // rewritten without the other, the index would silently stop serving searches.
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var off = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection, transaction))
        {
            await off.ExecuteNonQueryAsync();
        }

        var grams = string.Join(' ', ComplaintGramSearch.Indexed("20261204 778899 宽带"));
        await using var explain = new NpgsqlCommand(
            $"EXPLAIN SELECT id FROM complaints c WHERE search_grams_contain(c.search_grams, '{grams}')", connection, transaction);
        var plan = string.Join('\n', await ReadAllAsync(explain));
        Assert.That(plan, Does.Contain("ix_complaints_stored_search_grams").And.Contain("'{0261,1204,2026,2612,6120,7788,7889,8899,宽带}'"), plan);
    }

    [Test]
    public async Task TheStoredGramsAreWrittenWithTheComplaint_AndNeverReadBack()
    {
        // The grams are a column PostgreSQL computes from the texts as it stores the complaint; EF Core does not know it, so
        // neither a read of the complaint nor the statement that saves one carries its ~300 bytes.
        var api = new ComplaintApi(Admin);
        using var statements = SqlCommandsSeen.WithText("complaints");
        var created = await api.ReceiveAsync(ComplaintApi.NewComplaint("宽带断网", "+86 139 0000 0411"));
        var id = created.GetProperty("id").GetGuid();
        await (await Admin.GetAsync($"/api/v1/complaints/{id}")).AssertStatusAsync(HttpStatusCode.OK);

        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT search_grams = complaint_search_grams(number, title, description) AND search_grams @> '{宽带,断网}' FROM complaints WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        var stored = await command.ExecuteScalarAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.True, "stored as the texts' grams");
            Assert.That(statements.Commands, Is.Not.Empty);
            Assert.That(statements.Commands, Has.None.Contains("search_grams"));
        });
    }

    [TestCase("CC-2026-0012 订单号12 345 x1234567")]
    [TestCase("123 x")]
    [TestCase("运单SF1234512345,电话 138 0013 8000,订单 20261204-778899")]
    [TestCase("全角１２３４５ 0000000 99999")]
    [TestCase("宽带断网，订单号12345。退款 未到账 单 字")]
    [TestCase("かな カナ 한국어 㐀㐁 ｱｲ 𠀀𠀁 宽")]
    public async Task TheSearchsGramsAreTheIndexsGrams(string text)
    {
        // The index holds complaint_search_grams (SQL) of each complaint's texts; a search brings Grams (C#) of its text.
        // Were the two to differ (in what a run is, or how long a gram), a search would miss complaints it should find.
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT complaint_search_grams(@text, NULL, NULL)", connection);
        command.Parameters.AddWithValue("text", text);
        var indexed = (string[])(await command.ExecuteScalarAsync())!;
        Assert.That(ComplaintGramSearch.Indexed(text), Is.EquivalentTo(indexed));
    }

    [Test]
    public async Task TheStoredGramsAreWorkedOutByOneFunction_ThatCallsNoOtherOfOurs()
    {
        // PostgreSQL 15 parses and plans an SQL function's body once per statement that calls it, but a function called
        // from another one's body is called in a statement of its own each time: its body would be parsed and planned
        // again for every complaint written (a fifth of PostgreSQL's CPU in an import, migration
        // ComplaintSearchGramsInOneFunction). The stored column's function must do its work itself.
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT g.proname FROM pg_proc f, pg_proc g
            WHERE f.proname = 'complaint_search_grams' AND g.pronamespace = f.pronamespace AND g.oid <> f.oid
              AND f.prosrc ~ ('\m' || g.proname || '\s*\(')
            """, connection);
        var called = await ReadAllAsync(command);
        await using var generated = new NpgsqlCommand(
            "SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
            + "WHERE d.adrelid = 'complaints'::regclass AND a.attname = 'search_grams'", connection);
        Assert.Multiple(async () =>
        {
            Assert.That(called, Is.Empty, "functions the grams' function calls");
            Assert.That((string?)await generated.ExecuteScalarAsync(), Does.StartWith("complaint_search_grams("));
        });
    }

    private static async Task<List<string>> ReadAllAsync(NpgsqlCommand command)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
