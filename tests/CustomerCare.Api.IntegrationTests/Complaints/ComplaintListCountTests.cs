using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Complaints;

/// <summary>
/// The complaint list counts its matches only up to a limit (here 3) or as far as the requested page reaches; a page that
/// is not full is the last, and its count needs no second query; without a search text the count comes with the page; a
/// search reads one match more than its page and counts no further than the page reaches unless configured to.
/// </summary>
public class ComplaintListCountTests : AdminIntegrationTest
{
    [Test]
    public async Task APageThatIsNotFull_IsCountedByItsPosition_InOneQuery()
    {
        var api = new ComplaintApi(Admin);
        for (var i = 0; i < 3; i++)
        {
            await api.ReceiveAsync(ComplaintApi.NewComplaint($"斑马鱼缸漏水 {i}", $"+86 139 0000 01{i:D2}"));
        }

        await api.ReceiveAsync(ComplaintApi.NewComplaint("Kettle leaks", "+86 139 0000 0199"));
        using var partial = SqlCommandsSeen.WithParameter("斑马鱼缸");
        var whole = await (await Admin.GetAsync("/api/v1/complaints?q=" + Uri.EscapeDataString("斑马鱼缸") + "&pageSize=50")).ReadJsonAsync();
        var pageQueries = partial.Commands;
        partial.Dispose();
        using var full = SqlCommandsSeen.WithParameter("斑马鱼缸");
        var firstOfTwo = await (await Admin.GetAsync("/api/v1/complaints?q=" + Uri.EscapeDataString("斑马鱼缸") + "&pageSize=2")).ReadJsonAsync();
        var fullPageQueries = full.Commands;
        full.Dispose();
        var secondOfTwo = await (await Admin.GetAsync("/api/v1/complaints?q=" + Uri.EscapeDataString("斑马鱼缸") + "&pageSize=2&page=2")).ReadJsonAsync();
        using var last = SqlCommandsSeen.WithParameter("斑马鱼缸");
        var exactlyFull = await (await Admin.GetAsync("/api/v1/complaints?q=" + Uri.EscapeDataString("斑马鱼缸") + "&pageSize=3")).ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(whole.GetProperty("items").GetArrayLength(), Is.EqualTo(3));
            Assert.That(whole.GetProperty("totalCount").GetInt32(), Is.EqualTo(3));
            Assert.That(whole.GetProperty("totalCountIsExact").GetBoolean(), Is.True);
            Assert.That(pageQueries, Has.Count.EqualTo(1), "the page alone: " + string.Join("\n---\n", pageQueries));
            Assert.That(firstOfTwo.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
            Assert.That(firstOfTwo.GetProperty("totalCount").GetInt32(), Is.EqualTo(2), "counted as far as the page reaches");
            Assert.That(firstOfTwo.GetProperty("totalCountIsExact").GetBoolean(), Is.False, "more follow");
            Assert.That(fullPageQueries, Has.Count.EqualTo(1), "a full page looks ahead instead of counting: " + string.Join("\n---\n", fullPageQueries));
            Assert.That(secondOfTwo.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
            Assert.That(secondOfTwo.GetProperty("totalCount").GetInt32(), Is.EqualTo(3));
            Assert.That(secondOfTwo.GetProperty("totalCountIsExact").GetBoolean(), Is.True);
            Assert.That(exactlyFull.GetProperty("items").GetArrayLength(), Is.EqualTo(3));
            Assert.That(exactlyFull.GetProperty("totalCount").GetInt32(), Is.EqualTo(3), "nothing beyond a full page: it is the last");
            Assert.That(exactlyFull.GetProperty("totalCountIsExact").GetBoolean(), Is.True);
            Assert.That(last.Commands, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task ASearch_CountsBeyondItsPage_OnlyAsFarAsConfigured()
    {
        var api = new ComplaintApi(Admin);
        for (var i = 0; i < 5; i++)
        {
            await api.ReceiveAsync(ComplaintApi.NewComplaint($"河豚刺身变质 {i}", $"+86 139 0000 03{i:D2}"));
        }

        var text = Uri.EscapeDataString("河豚刺身");
        await using var host = Testing.Factory.WithWebHostBuilder(b => b.UseSetting("CustomerCare:Complaints:SearchCountLimit", "4"));
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = Admin.DefaultRequestHeaders.Authorization;
        using var seen = SqlCommandsSeen.WithParameter("河豚刺身");
        var limited = await (await client.GetAsync($"/api/v1/complaints?q={text}&pageSize=2")).ReadJsonAsync();
        var counted = seen.Commands;
        seen.Dispose();
        await using var further = Testing.Factory.WithWebHostBuilder(b => b.UseSetting("CustomerCare:Complaints:SearchCountLimit", "10"));
        using var furtherClient = further.CreateClient();
        furtherClient.DefaultRequestHeaders.Authorization = Admin.DefaultRequestHeaders.Authorization;
        var belowTheLimit = await (await furtherClient.GetAsync($"/api/v1/complaints?q={text}&pageSize=2")).ReadJsonAsync();
        var filtered = await (await client.GetAsync($"/api/v1/complaints?q={text}&status=received&pageSize=2")).ReadJsonAsync();
        var pastTheEnd = await (await Admin.GetAsync($"/api/v1/complaints?q={text}&pageSize=2&page=4")).ReadJsonAsync();
        var filteredByDefault = await (await Admin.GetAsync($"/api/v1/complaints?q={text}&status=received&pageSize=2&page=2")).ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(limited.GetProperty("totalCount").GetInt32(), Is.EqualTo(4), "counted up to the search's limit: at least 4");
            Assert.That(limited.GetProperty("totalCountIsExact").GetBoolean(), Is.False);
            Assert.That(counted, Has.Count.EqualTo(2), "a limit beyond the page is counted by a second statement");
            Assert.That(belowTheLimit.GetProperty("totalCount").GetInt32(), Is.EqualTo(5), "counted in full below the limit");
            Assert.That(belowTheLimit.GetProperty("totalCountIsExact").GetBoolean(), Is.True);
            Assert.That(filtered.GetProperty("totalCount").GetInt32(), Is.EqualTo(4), "a search with filters counts as far");
            Assert.That(filtered.GetProperty("totalCountIsExact").GetBoolean(), Is.False);
            Assert.That(pastTheEnd.GetProperty("items").GetArrayLength(), Is.Zero);
            Assert.That(pastTheEnd.GetProperty("totalCount").GetInt32(), Is.EqualTo(5), "a page past the end is counted on its own");
            Assert.That(pastTheEnd.GetProperty("totalCountIsExact").GetBoolean(), Is.True);
            Assert.That(filteredByDefault.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
            Assert.That(filteredByDefault.GetProperty("totalCount").GetInt32(), Is.EqualTo(4), "by default as far as page 2 reaches");
            Assert.That(filteredByDefault.GetProperty("totalCountIsExact").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task AFullPageWithoutSearchText_BringsItsCount_InTheSameStatement()
    {
        var api = new ComplaintApi(Admin);
        var customer = Guid.Empty;
        for (var i = 0; i < 3; i++)
        {
            customer = (await api.ReceiveAsync(ComplaintApi.NewComplaint($"队列 {i}", "+86 139 0000 0277"))).GetProperty("customerId").GetGuid();
        }

        using var seen = SqlCommandsSeen.WithParameter(customer);
        var first = await (await Admin.GetAsync($"/api/v1/complaints?customerId={customer}&pageSize=2")).ReadJsonAsync();
        var firstStatements = seen.Commands;
        var second = await (await Admin.GetAsync($"/api/v1/complaints?customerId={customer}&pageSize=2&page=2")).ReadJsonAsync();
        var pastTheEnd = await (await Admin.GetAsync($"/api/v1/complaints?customerId={customer}&pageSize=2&page=3")).ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(firstStatements, Has.Count.EqualTo(1), "the page and its count together: " + string.Join("\n---\n", firstStatements));
            Assert.That(first.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
            Assert.That(first.GetProperty("totalCount").GetInt32(), Is.EqualTo(3));
            Assert.That(first.GetProperty("totalCountIsExact").GetBoolean(), Is.True);
            Assert.That(second.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
            Assert.That(second.GetProperty("totalCount").GetInt32(), Is.EqualTo(3));
            Assert.That(pastTheEnd.GetProperty("items").GetArrayLength(), Is.EqualTo(0));
            Assert.That(pastTheEnd.GetProperty("totalCount").GetInt32(), Is.EqualTo(3), "a page past the end is counted on its own");
        });
    }

    [Test]
    public async Task TotalCount_IsExactUpToTheLimit_ThenALowerBound()
    {
        var api = new ComplaintApi(Admin);
        for (var i = 0; i < 5; i++)
        {
            await api.ReceiveAsync(ComplaintApi.NewComplaint($"Counted {i}", $"+86 139 0000 00{i:D2}"));
        }

        await using var host = Testing.Factory.WithWebHostBuilder(b => b.UseSetting("CustomerCare:Complaints:ListCountLimit", "3"));
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = Admin.DefaultRequestHeaders.Authorization;
        var first = await (await client.GetAsync("/api/v1/complaints?pageSize=2")).ReadJsonAsync();
        var last = await (await client.GetAsync("/api/v1/complaints?pageSize=2&page=3")).ReadJsonAsync();
        var unlimited = await (await Admin.GetAsync("/api/v1/complaints?pageSize=2")).ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("totalCount").GetInt32(), Is.EqualTo(3), "counted up to the limit: at least 3");
            Assert.That(first.GetProperty("totalCountIsExact").GetBoolean(), Is.False);
            Assert.That(first.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
            Assert.That(last.GetProperty("totalCount").GetInt32(), Is.EqualTo(5), "page 3 of 2 reaches past the limit: counted in full");
            Assert.That(last.GetProperty("totalCountIsExact").GetBoolean(), Is.True);
            Assert.That(last.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
            Assert.That(unlimited.GetProperty("totalCount").GetInt32(), Is.EqualTo(5));
            Assert.That(unlimited.GetProperty("totalCountIsExact").GetBoolean(), Is.True);
        });
    }
}
