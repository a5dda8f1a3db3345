using System.Data.Common;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Complaints;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Complaints;

/// <summary>
/// A search for digits (an order number, a waybill, a complaint's number) goes through the index of digit 4-grams first,
/// and finds exactly what the substring search finds: digits anywhere in a run, in Chinese text, never across fields.
/// </summary>
public class ComplaintNumberSearchTests : AdminIntegrationTest
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

    private async Task<List<Guid>> FindAsync(string q) =>
        (await (await Admin.GetAsync("/api/v1/complaints?pageSize=50&q=" + Uri.EscapeDataString(q))).ReadJsonAsync()).GetProperty("items")
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
        using var statements = SqlCommandsSeen.WithText("complaint_has_digit_grams");
        using var withTheGrams = new SqlCommandsSeen(command => command.CommandText.Contains("complaint_has_digit_grams", StringComparison.Ordinal)
            && command.Parameters.Cast<DbParameter>().Any(p => p.Value is string value && value == grams));
        using var withFullWidth = new SqlCommandsSeen(command => command.CommandText.Contains("complaint_has_digit_grams", StringComparison.Ordinal)
            && command.Parameters.Cast<DbParameter>().Any(p => p.Value is string value && value.Contains('０')));
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
    public async Task TheDigitIndexAnswersTheSearchFunction()
    {
        // The function is inlined into complaint_digit_grams(...) @> string_to_array('...', ' '), the index's own
        // expression: were either rewritten without the other, the index would silently stop serving searches.
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var off = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection, transaction))
        {
            await off.ExecuteNonQueryAsync();
        }

        var grams = ComplaintDigitSearch.Grams("20261204 778899")!;
        await using var explain = new NpgsqlCommand(
            $"EXPLAIN SELECT id FROM complaints c WHERE complaint_has_digit_grams(c.number, c.title, c.description, '{grams}')", connection, transaction);
        var plan = string.Join('\n', await ReadAllAsync(explain));
        Assert.That(plan, Does.Contain("ix_complaints_digit_grams").And.Contain("'{0261,1204,2026,2612,6120,7788,7889,8899}'"), plan);
    }

    [TestCase("CC-2026-0012 订单号12 345 x1234567")]
    [TestCase("123 x")]
    [TestCase("运单SF1234512345,电话 138 0013 8000,订单 20261204-778899")]
    [TestCase("全角１２３４５ 0000000 99999")]
    public async Task TheSearchsGramsAreTheIndexsGrams(string text)
    {
        // The index holds digit_grams (SQL) of each complaint; a search brings Grams (C#) of its text. Were the two to
        // differ, a search would miss complaints it should find.
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT digit_grams(@text)", connection);
        command.Parameters.AddWithValue("text", text);
        var indexed = (string[])(await command.ExecuteScalarAsync())!;
        Assert.That(ComplaintDigitSearch.Grams(text)?.Split(' ') ?? [], Is.EquivalentTo(indexed));
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
