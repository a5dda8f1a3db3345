using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Complaints;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// A statement tagged <see cref="QueryTags.PlanOnce"/> runs with PostgreSQL's generic plan, made once for the prepared
/// statement, where PostgreSQL's own choice plans the first five executions for their values at least (and a queue's
/// statement every time); one tagged <see cref="QueryTags.PlanEachTime"/> is planned for its values every time, where
/// PostgreSQL would move to a generic plan after five. The setting does not outlive the statement on its pooled
/// connection, even when it fails. The list's first page without ranges or search text is planned once; a search, one
/// statement text whatever is searched for, each time, but for a two-character word's postings, whose walk is one plan
/// for every word (ADR 0028).
/// </summary>
public sealed class PlanCacheModeTests : AdminIntegrationTest
{
    [Test]
    public Task ATaggedStatement_UsesTheGenericPlan_AndLeavesTheConnectionAsItWas() => OnOneConnectionAsync(async db =>
    {
        // Two statements alike but for their tag and a constant, each run seven times on this connection with a
        // parameter (prepared after the second run): the tagged one gets a generic plan from its first prepared run.
        for (var i = 0; i < 7; i++)
        {
            var status = i % 2 == 0 ? ComplaintStatus.Registered : ComplaintStatus.Received;
            await db.Complaints.AsNoTracking().TagWith(QueryTags.PlanOnce).Where(c => c.Status == status && c.EscalationLevel >= 0).Select(c => c.Id).Take(3).ToListAsync();
            await db.Complaints.AsNoTracking().Where(c => c.Status == status && c.EscalationLevel >= 1).Select(c => c.Id).Take(3).ToListAsync();
        }

        var plans = await PlansAsync(db, QueryTags.PlanOnce, "escalation_level >=");
        var setting = await Setting(db);
        var failed = Assert.CatchAsync(async () => await db.Departments.AsNoTracking().TagWith(QueryTags.PlanOnce)
            .Select(d => 1 / (d.Code.Length - d.Code.Length)).ToListAsync());
        var afterFailure = await Setting(db);

        Assert.Multiple(() =>
        {
            Assert.That(plans.Where(p => p.Tagged).ToList(), Has.Count.EqualTo(1).And.All.Matches<PlanCount>(p => p.Generic > 0 && p.Custom == 0),
                "the tagged statement is prepared and planned generically only");
            Assert.That(plans.Where(p => !p.Tagged).ToList(), Has.Count.EqualTo(1).And.All.Matches<PlanCount>(p => p.Custom > 0),
                "its untagged twin is planned for its values, as PostgreSQL chooses");
            Assert.That(setting, Is.EqualTo("auto"), "reset after the tagged statement");
            Assert.That(failed, Is.Not.Null, "division by zero");
            Assert.That(afterFailure, Is.EqualTo("auto"), "rolled back with the failed statement");
        });
    });

    [Test]
    public Task AStatementTaggedPlanEachTime_IsPlannedForItsValues_EveryTime() => OnOneConnectionAsync(async db =>
    {
        for (var i = 0; i < 9; i++)
        {
            var number = $"CC-2026-{i:D7}";
            await db.Complaints.AsNoTracking().TagWith(QueryTags.PlanEachTime).Where(c => c.Number == number && c.RepeatCount >= 0).Select(c => c.Id).ToListAsync();
            await db.Complaints.AsNoTracking().Where(c => c.Number == number && c.RepeatCount >= 1).Select(c => c.Id).ToListAsync();
        }

        var plans = await PlansAsync(db, QueryTags.PlanEachTime, "repeat_count >=");
        var setting = await Setting(db);

        Assert.Multiple(() =>
        {
            Assert.That(plans.Where(p => p.Tagged).ToList(), Has.Count.EqualTo(1).And.All.Matches<PlanCount>(p => p.Generic == 0 && p.Custom >= 7),
                "the tagged statement is prepared and planned for each execution's values");
            Assert.That(plans.Where(p => !p.Tagged).ToList(), Has.Count.EqualTo(1).And.All.Matches<PlanCount>(p => p.Generic > 0),
                "its untagged twin moves to the generic plan, as PostgreSQL chooses");
            Assert.That(setting, Is.EqualTo("auto"), "reset after the tagged statement");
        });
    });

    [Test]
    public async Task ASearch_IsOneStatement_PlannedEachTime_AndAWordsPostingsOnce()
    {
        var api = new ComplaintApi(Admin);
        var word = string.Concat(Enumerable.Range(0, 2).Select(_ => (char)Random.Shared.Next(0x3400, 0x4DB6))); // two characters no other test writes
        await api.ReceiveAsync(ComplaintApi.NewComplaint($"订单 5512345 未送达 {word}", "+86 139 0000 0389"));

        using var seen = SqlCommandsSeen.WithText("search_grams_contain");
        using var postingsSeen = SqlCommandsSeen.WithText("complaint_search_postings");
        var found = await (await Admin.GetAsync("/api/v1/complaints?q=5512345")).ReadJsonAsync();
        var other = await (await Admin.GetAsync("/api/v1/complaints?q=6612345")).ReadJsonAsync();
        var phrase = await (await Admin.GetAsync("/api/v1/complaints?q=" + Uri.EscapeDataString(word))).ReadJsonAsync();
        using var wordsSeen = SqlCommandsSeen.WithParameter("%leaks from the base%");
        await (await Admin.GetAsync("/api/v1/complaints?q=" + Uri.EscapeDataString("leaks from the base"))).ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(found.GetProperty("totalCount").GetInt32(), Is.EqualTo(1));
            Assert.That(other.GetProperty("totalCount").GetInt32(), Is.EqualTo(0));
            Assert.That(phrase.GetProperty("totalCount").GetInt32(), Is.EqualTo(1));
            Assert.That(seen.Commands, Has.Count.EqualTo(2), "two numbers, each through its search grams");
            Assert.That(seen.Commands.Distinct().ToList(), Has.Count.EqualTo(1), "the searched text is a parameter: one statement to translate and prepare");
            Assert.That(seen.Commands, Has.All.StartWith("-- " + QueryTags.PlanEachTime));
            Assert.That(postingsSeen.Commands, Has.Count.EqualTo(1).And.All.StartWith("-- " + QueryTags.PlanOnce),
                "a Chinese word, through its postings: one plan for every word (ADR 0028)");
            Assert.That(wordsSeen.Commands, Is.Not.Empty.And.All.StartWith("-- " + QueryTags.PlanEachTime), "words (trigrams) too");
        });
    }

    [Test]
    public async Task TheListsFirstPage_IsTagged_UnlessItHasARangeOrASearchText()
    {
        var api = new ComplaintApi(Admin);
        var customer = (await api.ReceiveAsync(ComplaintApi.NewComplaint("一次规划", "+86 139 0000 0388"))).GetProperty("customerId").GetGuid();

        using var seen = SqlCommandsSeen.WithParameter(customer);
        var queue = await Admin.GetAsync($"/api/v1/complaints?customerId={customer}&status=received&pageSize=20");
        var queueStatements = seen.Commands;
        var secondPage = await Admin.GetAsync($"/api/v1/complaints?customerId={customer}&status=received&pageSize=20&page=2");
        var ranged = await Admin.GetAsync($"/api/v1/complaints?customerId={customer}&receivedFrom=2020-01-01T00:00:00Z&pageSize=20");
        var all = seen.Commands;

        Assert.Multiple(async () =>
        {
            Assert.That((await queue.ReadJsonAsync()).GetProperty("totalCount").GetInt32(), Is.EqualTo(1));
            Assert.That((await ranged.ReadJsonAsync()).GetProperty("totalCount").GetInt32(), Is.EqualTo(1));
            Assert.That(secondPage.IsSuccessStatusCode, Is.True);
            Assert.That(queueStatements, Has.Count.EqualTo(1));
            Assert.That(queueStatements[0], Does.StartWith("-- " + QueryTags.PlanOnce).And.Not.Contain("OFFSET"), "the first page");
            Assert.That(queueStatements[0], Does.Not.Contain("LIMIT 20").And.Not.Contain("LIMIT 1001"),
                "its limits parameters: a constant would have EF Core generate its SQL on every execution");
            Assert.That(all.Skip(1), Has.None.Contains(QueryTags.PlanOnce), "a later page, a range: planned for their values");
        });
    }

    /// <summary>Runs <paramref name="test"/> with a context whose connection stays open: its statements share one session.</summary>
    private static async Task OnOneConnectionAsync(Func<CustomerCareDbContext, Task> test)
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await test(db);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>How the session's prepared statements that contain <paramref name="text"/> were planned, and whether each carries <paramref name="tag"/>.</summary>
    private static Task<List<PlanCount>> PlansAsync(CustomerCareDbContext db, string tag, string text) =>
        db.Database.SqlQueryRaw<PlanCount>(
            """
            SELECT strpos(statement, {0}) > 0 AS "Tagged", generic_plans AS "Generic", custom_plans AS "Custom"
            FROM pg_prepared_statements WHERE strpos(statement, {1}) > 0
            """, tag, text).ToListAsync();

    private static Task<string> Setting(CustomerCareDbContext db) =>
        db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync();

    private sealed record PlanCount(bool Tagged, long Generic, long Custom);
}
