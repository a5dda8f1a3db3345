using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Complaints;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Customers;

/// <summary>
/// Key customers: grades administrators keep, shorter targets for a key customer's complaints (flagged and filtered in
/// lists), a birthday kept encrypted, greetings scheduled in bulk, and a follow-up plan that keeps one contact ahead.
/// </summary>
public class KeyCustomerTests : AdminIntegrationTest
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<Guid> CreateCustomerAsync(string name, string phone, string? grade = null, string? birthday = null, string? segment = null)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/customers", new
        {
            name, segment, grade, birthday, contactPoints = new[] { new { kind = "phone", value = phone, isPrimary = true } },
        });
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement[]> CareTasksAsync(Guid customer, string kind) =>
        (await (await Admin.GetAsync($"/api/v1/care-tasks?customerId={customer}&kind={kind}&pageSize=50")).ReadJsonAsync())
        .GetProperty("items").EnumerateArray().ToArray();

    private static TimeSpan FirstContactTarget(JsonElement complaint)
    {
        var clock = complaint.GetProperty("sla").EnumerateArray().Single(c => c.GetProperty("milestone").GetString() == "firstContact");
        return clock.GetProperty("dueAt").GetDateTimeOffset() - clock.GetProperty("startedAt").GetDateTimeOffset();
    }

    [Test]
    public async Task AKeyCustomersComplaint_StartsWithTheShorterTargets_IsFlagged_AndListsFilterByIt()
    {
        var grades = await (await Admin.GetAsync("/api/v1/customer-grades")).ReadJsonAsync();
        Assert.That(grades.EnumerateArray().Select(g => (g.GetProperty("code").GetString(), g.GetProperty("nameZhCn").GetString(), g.GetProperty("isKey").GetBoolean())),
            Is.EqualTo(new[] { ("key", "重点客户", true), ("standard", "普通客户", false), ("vip", "VIP客户", true) }));

        // The key customer is matched by the phone a complaint brings, as any existing customer is.
        await CreateCustomerAsync("欧阳修", "+86 139 0000 0001", grade: "vip");
        var api = new ComplaintApi(Admin);
        var key = (await api.ReceiveAsync(ComplaintApi.NewComplaint("Roaming charges", phone: "+86 139 0000 0001"))).GetProperty("id").GetGuid();
        var other = (await api.ReceiveAsync(ComplaintApi.NewComplaint("Roaming charges", phone: "+86 139 0000 0002"))).GetProperty("id").GetGuid();
        var keyRegistered = await api.DoAsync(key, "register", new { category = "priceBilling", severity = "general", customerAcknowledged = true });
        var otherRegistered = await api.DoAsync(other, "register", new { category = "priceBilling", severity = "general", customerAcknowledged = true });

        var keyOnly = await (await Admin.GetAsync("/api/v1/complaints?keyCustomer=true")).ReadJsonAsync();
        var othersOnly = await (await Admin.GetAsync("/api/v1/complaints?keyCustomer=false")).ReadJsonAsync();
        var policy = (await (await Admin.GetAsync("/api/v1/settings/sla-policies")).ReadJsonAsync()).GetProperty("value");
        Assert.Multiple(() =>
        {
            Assert.That(keyRegistered.GetProperty("keyCustomer").GetBoolean(), Is.True);
            Assert.That(otherRegistered.GetProperty("keyCustomer").GetBoolean(), Is.False);
            Assert.That(FirstContactTarget(keyRegistered), Is.EqualTo(TimeSpan.FromHours(4)), "a key customer is called within 4 hours");
            Assert.That(FirstContactTarget(otherRegistered), Is.EqualTo(TimeSpan.FromHours(24)));
            Assert.That(keyOnly.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()), Is.EqualTo(new[] { key }));
            Assert.That(keyOnly.GetProperty("items")[0].GetProperty("keyCustomer").GetBoolean(), Is.True);
            Assert.That(othersOnly.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()), Is.EqualTo(new[] { other }));
            Assert.That(policy.GetProperty("keyCustomerTargets").GetProperty("general").GetProperty("firstContact").GetProperty("duration").GetString(), Is.EqualTo("PT4H"));
        });

        // The operator shortens a key customer's first contact further; a target without its basis is refused by name.
        var targets = policy.GetProperty("targets");
        var bad = await Admin.PutAsJsonAsync("/api/v1/settings/sla-policies", new
        {
            atRiskFraction = 0.8, targets, keyCustomerTargets = new { major = new { firstContact = new { duration = "PT1H" } } },
        });
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Has.Some.Contains("keyCustomerTargets.major.firstContact"), problem.ToString());
        await (await Admin.PutAsJsonAsync("/api/v1/settings/sla-policies", new
        {
            atRiskFraction = 0.8, targets, keyCustomerTargets = new { general = new { firstContact = new { duration = "PT2H", basis = "calendar" } } },
        })).AssertStatusAsync(HttpStatusCode.OK);
        var later = (await api.ReceiveAsync(ComplaintApi.NewComplaint("Roaming again", phone: "+86 139 0000 0001"))).GetProperty("id").GetGuid();
        var laterRegistered = await api.DoAsync(later, "register", new { category = "priceBilling", severity = "general", customerAcknowledged = true });
        Assert.That(FirstContactTarget(laterRegistered), Is.EqualTo(TimeSpan.FromHours(2)));

        // The ledger says which complaints are a key customer's.
        var ledger = await Admin.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/complaints?keyCustomer=true") { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("text/csv") } } });
        var csv = (await ledger.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var column = Array.IndexOf(csv[0].Split(','), "keyCustomer");
        Assert.That(csv.Skip(1).Select(l => l.Split(',')[column]), Is.EqualTo(new[] { "true", "true" }));
    }

    [Test]
    public async Task GradesAreData_AnUnknownOrRetiredOneIsRefused_ACustomerKeepsTheirs_AndOneInUseIsNeverDeleted()
    {
        await (await Admin.PutAsJsonAsync("/api/v1/customer-grades/platinum", new { nameEn = "Platinum", nameZhCn = "白金客户", key = true }))
            .AssertStatusAsync(HttpStatusCode.OK);
        var customer = await CreateCustomerAsync("李白", "+86 139 0000 0011", grade: "platinum", birthday: "1985-09-12");
        var unknown = await Admin.PostAsJsonAsync("/api/v1/customers", new
        {
            name = "杜甫", grade = "diamond", contactPoints = new[] { new { kind = "phone", value = "+86 139 0000 0012", isPrimary = true } },
        });
        await (await Admin.PutAsJsonAsync("/api/v1/customer-grades/platinum", new { nameEn = "Platinum", nameZhCn = "白金客户", key = true, active = false }))
            .AssertStatusAsync(HttpStatusCode.OK);
        var retired = await Admin.PostAsJsonAsync("/api/v1/customers", new
        {
            name = "杜甫", grade = "platinum", contactPoints = new[] { new { kind = "phone", value = "+86 139 0000 0012", isPrimary = true } },
        });
        var current = await Admin.GetAsync($"/api/v1/customers/{customer}");
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/customers/{customer}")
        {
            Content = JsonContent.Create(new
            {
                name = "李白", company = "唐诗公司", grade = "platinum", birthday = "1985-09-12",
                contactPoints = new[] { new { kind = "phone", value = "+86 139 0000 0011", isPrimary = true } },
            }),
        };
        update.Headers.IfMatch.Add(current.Headers.ETag!);
        var kept = await Admin.SendAsync(update);
        var inUse = await Admin.DeleteAsync("/api/v1/customer-grades/platinum");
        var byGrade = await (await Admin.GetAsync("/api/v1/customers?grade=platinum")).ReadJsonAsync();
        var future = await Admin.PostAsJsonAsync("/api/v1/customers", new
        {
            name = "杜甫", birthday = Today.AddDays(30).ToString("yyyy-MM-dd"), contactPoints = new[] { new { kind = "phone", value = "+86 139 0000 0012", isPrimary = true } },
        });

        foreach (var refused in new[] { unknown, retired })
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.That(problem.GetProperty("errors").TryGetProperty("grade", out _), Is.True, problem.ToString());
        }

        Assert.That((await future.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("birthday", out _), Is.True);
        await kept.AssertStatusAsync(HttpStatusCode.OK);
        var conflict = await inUse.AssertProblemAsync(HttpStatusCode.Conflict);
        var stored = await kept.ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stored.GetProperty("grade").GetString(), Is.EqualTo("platinum"));
            Assert.That(stored.GetProperty("birthday").GetString(), Is.EqualTo("1985-09-12"));
            Assert.That(conflict.GetProperty("customers").GetInt32(), Is.EqualTo(1), conflict.ToString());
            Assert.That(byGrade.GetProperty("items").EnumerateArray().Select(c => (c.GetProperty("id").GetGuid(), c.GetProperty("grade").GetString())),
                Is.EqualTo(new[] { (customer, "platinum") }));
        });

        // The birthday is personal data: encrypted at rest (only its day of the year is kept in clear), gone on erasure.
        await using (var connection = new NpgsqlConnection(Testing.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT birthday, birth_month_day FROM customers WHERE id = @id", connection);
            read.Parameters.AddWithValue("id", customer);
            await using var row = await read.ExecuteReaderAsync();
            Assert.That(await row.ReadAsync(), Is.True);
            Assert.That(row.GetString(0), Does.Not.Contain("1985").And.Not.Contain("09-12"));
            Assert.That(row.GetInt32(1), Is.EqualTo(912));
        }

        await (await Admin.PostAsync($"/api/v1/customers/{customer}/erase", null)).AssertStatusAsync(HttpStatusCode.NoContent);
        var erased = await (await Admin.GetAsync($"/api/v1/customers/{customer}")).ReadJsonAsync();
        Assert.That(erased.GetProperty("birthday").ValueKind, Is.EqualTo(JsonValueKind.Null));
        await using (var connection = new NpgsqlConnection(Testing.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT count(*) FROM customers WHERE id = @id AND birthday IS NULL AND birth_month_day IS NULL", connection);
            read.Parameters.AddWithValue("id", customer);
            Assert.That(await read.ExecuteScalarAsync(), Is.EqualTo(1L));
        }
    }

    [Test]
    public async Task BirthdayAndHolidayGreetings_AreScheduledInBulk_ForAGrade_OnceEach()
    {
        var early = await CreateCustomerAsync("王维", "+86 139 0000 0021", grade: "vip", birthday: "1990-03-05");
        var late = await CreateCustomerAsync("孟浩然", "+86 139 0000 0022", grade: "vip", birthday: "1985-03-20");
        var leapDay = await CreateCustomerAsync("白居易", "+86 139 0000 0023", grade: "vip", birthday: "1992-02-29");
        var standard = await CreateCustomerAsync("王昌龄", "+86 139 0000 0024", birthday: "1990-03-06");
        var noBirthday = await CreateCustomerAsync("岑参", "+86 139 0000 0025", grade: "vip");
        var supervisor = await ApiClient.AsStaffAsync("supervisor");
        var agent = await ApiClient.AsStaffAsync("agent");
        var birthdays = new { occasion = "birthday", on = "2027-02-25", until = "2027-03-10", grade = "vip", subject = "生日快乐！" };

        var first = await (await supervisor.PostAsJsonAsync("/api/v1/care-tasks/greetings", birthdays)).ReadJsonAsync();
        var again = await (await supervisor.PostAsJsonAsync("/api/v1/care-tasks/greetings", birthdays)).ReadJsonAsync();
        var holiday = await (await supervisor.PostAsJsonAsync("/api/v1/care-tasks/greetings",
            new { occasion = "holiday", on = "2027-02-06", grade = "vip", subject = "新春快乐！" })).ReadJsonAsync();
        var byAgent = await agent.PostAsJsonAsync("/api/v1/care-tasks/greetings", birthdays);
        var tooLong = await supervisor.PostAsJsonAsync("/api/v1/care-tasks/greetings", birthdays with { until = "2028-03-10" });
        var unknownGrade = await supervisor.PostAsJsonAsync("/api/v1/care-tasks/greetings", birthdays with { grade = "diamond" });

        Assert.Multiple(async () =>
        {
            Assert.That((first.GetProperty("scheduled").GetInt32(), first.GetProperty("alreadyScheduled").GetInt32()), Is.EqualTo((2, 0)));
            Assert.That((again.GetProperty("scheduled").GetInt32(), again.GetProperty("alreadyScheduled").GetInt32()), Is.EqualTo((0, 2)));
            Assert.That(holiday.GetProperty("scheduled").GetInt32(), Is.EqualTo(4));
            Assert.That((await CareTasksAsync(early, "greeting")).Select(t => t.GetProperty("dueOn").GetString()), Is.EquivalentTo(new[] { "2027-03-05", "2027-02-06" }));
            Assert.That((await CareTasksAsync(leapDay, "greeting")).Select(t => t.GetProperty("dueOn").GetString()), Is.EquivalentTo(new[] { "2027-02-28", "2027-02-06" }),
                "29 February is greeted on 28 February in a common year");
            Assert.That((await CareTasksAsync(late, "greeting")).Select(t => t.GetProperty("dueOn").GetString()), Is.EqualTo(new[] { "2027-02-06" }));
            Assert.That(await CareTasksAsync(standard, "greeting"), Is.Empty);
            Assert.That((await CareTasksAsync(noBirthday, "greeting")).Single().GetProperty("subject").GetString(), Is.EqualTo("新春快乐！"));
        });
        Assert.That(byAgent.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("until", out _), Is.True);
        Assert.That((await unknownGrade.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("grade", out _), Is.True);

        // More customers than one scheduling may greet: refused whole, with how many matched.
        await using var host = Testing.Factory.WithWebHostBuilder(b => b.UseSetting("CustomerCare:Care:MaxGreetingsPerBatch", "3"));
        using var limited = host.CreateClient();
        limited.DefaultRequestHeaders.Authorization = Admin.DefaultRequestHeaders.Authorization;
        var tooMany = await limited.PostAsJsonAsync("/api/v1/care-tasks/greetings", new { occasion = "holiday", on = "2027-09-15", grade = "vip", subject = "中秋快乐！" });
        Assert.That((await tooMany.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("customers").GetInt32(), Is.EqualTo(4));
        Assert.That((await CareTasksAsync(early, "greeting")).Length, Is.EqualTo(2), "nothing of the refused batch was stored");
    }

    [Test]
    public async Task AKeyCustomersFollowUpPlan_KeepsOneContactAhead_EveryNMonths_AndEndsWithThePlanOrTheGrade()
    {
        var customer = await CreateCustomerAsync("苏轼", "+86 139 0000 0031", grade: "key");
        var ordinary = await CreateCustomerAsync("苏辙", "+86 139 0000 0032");
        var (owner, _) = await ApiClient.CreateStaffAsync("agent");
        var firstOn = Today.AddDays(10);

        var planned = await Admin.PutAsJsonAsync($"/api/v1/customers/{customer}/follow-up-plan", new { everyMonths = 3, firstOn = firstOn.ToString("yyyy-MM-dd"), ownerId = owner });
        await planned.AssertStatusAsync(HttpStatusCode.OK);
        var plan = (await planned.ReadJsonAsync()).GetProperty("followUpPlan");
        var contact = (await CareTasksAsync(customer, "keyCustomerContact")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(plan.GetProperty("everyMonths").GetInt32(), Is.EqualTo(3));
            Assert.That(plan.GetProperty("ownerId").GetGuid(), Is.EqualTo(owner));
            Assert.That(contact.GetProperty("dueOn").GetString(), Is.EqualTo(firstOn.ToString("yyyy-MM-dd")));
            Assert.That(contact.GetProperty("ownerId").GetGuid(), Is.EqualTo(owner));
        });

        // Done: the next is due three months after it.
        var task = await Admin.GetAsync($"/api/v1/care-tasks/{contact.GetProperty("id").GetGuid()}");
        using (var complete = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/care-tasks/{contact.GetProperty("id").GetGuid()}/complete")
        {
            Content = JsonContent.Create(new { result = "satisfied", outcome = "All well" }),
        })
        {
            complete.Headers.IfMatch.Add(task.Headers.ETag!);
            await (await Admin.SendAsync(complete)).AssertStatusAsync(HttpStatusCode.OK);
        }

        var afterDone = await CareTasksAsync(customer, "keyCustomerContact");
        var next = afterDone.Single(t => t.GetProperty("status").GetString() == "open");
        Assert.That(next.GetProperty("dueOn").GetString(), Is.EqualTo(firstOn.AddMonths(3).ToString("yyyy-MM-dd")));

        // Planned again: the open contact moves (still one); a customer who is not key cannot have a plan.
        var moved = firstOn.AddDays(5);
        await (await Admin.PutAsJsonAsync($"/api/v1/customers/{customer}/follow-up-plan", new { everyMonths = 1, firstOn = moved.ToString("yyyy-MM-dd") }))
            .AssertStatusAsync(HttpStatusCode.OK);
        var open = (await CareTasksAsync(customer, "keyCustomerContact")).Where(t => t.GetProperty("status").GetString() == "open").ToArray();
        Assert.That(open.Select(t => t.GetProperty("dueOn").GetString()), Is.EqualTo(new[] { moved.ToString("yyyy-MM-dd") }));
        var notKey = await Admin.PutAsJsonAsync($"/api/v1/customers/{ordinary}/follow-up-plan", new { everyMonths = 6, firstOn = firstOn.ToString("yyyy-MM-dd") });
        Assert.That((await notKey.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString(), Is.EqualTo("customer.notKey"));
        var invalid = await Admin.PutAsJsonAsync($"/api/v1/customers/{customer}/follow-up-plan", new { everyMonths = 0, firstOn = Today.AddDays(-30).ToString("yyyy-MM-dd") });
        var errors = (await invalid.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.That((errors.TryGetProperty("everyMonths", out _), errors.TryGetProperty("firstOn", out _)), Is.EqualTo((true, true)), errors.ToString());

        // The grade ceases to be key: the plan ends and its open contact is cancelled; nothing new follows.
        var current = await Admin.GetAsync($"/api/v1/customers/{customer}");
        using (var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/customers/{customer}")
        {
            Content = JsonContent.Create(new { name = "苏轼", grade = "standard", contactPoints = new[] { new { kind = "phone", value = "+86 139 0000 0031", isPrimary = true } } }),
        })
        {
            update.Headers.IfMatch.Add(current.Headers.ETag!);
            var updated = await (await Admin.SendAsync(update)).ReadJsonAsync();
            Assert.That(updated.GetProperty("followUpPlan").ValueKind, Is.EqualTo(JsonValueKind.Null));
        }

        var ended = await CareTasksAsync(customer, "keyCustomerContact");
        Assert.That(ended.Select(t => t.GetProperty("status").GetString()), Is.EquivalentTo(new[] { "done", "cancelled" }));

        // Ended through the API: the same (and ending what is not there changes nothing).
        var other = await CreateCustomerAsync("黄庭坚", "+86 139 0000 0033", grade: "key");
        await (await Admin.PutAsJsonAsync($"/api/v1/customers/{other}/follow-up-plan", new { everyMonths = 12, firstOn = firstOn.ToString("yyyy-MM-dd") }))
            .AssertStatusAsync(HttpStatusCode.OK);
        await (await Admin.DeleteAsync($"/api/v1/customers/{other}/follow-up-plan")).AssertStatusAsync(HttpStatusCode.NoContent);
        await (await Admin.DeleteAsync($"/api/v1/customers/{other}/follow-up-plan")).AssertStatusAsync(HttpStatusCode.NoContent);
        Assert.That((await CareTasksAsync(other, "keyCustomerContact")).Select(t => t.GetProperty("status").GetString()), Is.EqualTo(new[] { "cancelled" }));
    }
}
