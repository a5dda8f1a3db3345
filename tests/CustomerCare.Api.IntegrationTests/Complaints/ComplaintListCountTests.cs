using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Complaints;

/// <summary>
/// The complaint list counts its matches only up to a limit (here 3) or as far as the requested page reaches; a page that
/// is not full is the last, and its count needs no second query; without a search text the count comes with the page.
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

        Assert.Multiple(() =>
        {
            Assert.That(whole.GetProperty("items").GetArrayLength(), Is.EqualTo(3));
            Assert.That(whole.GetProperty("totalCount").GetInt32(), Is.EqualTo(3));
            Assert.That(whole.GetProperty("totalCountIsExact").GetBoolean(), Is.True);
            Assert.That(pageQueries, Has.Count.EqualTo(1), "the page alone: " + string.Join("\n---\n", pageQueries));
            Assert.That(firstOfTwo.GetProperty("items").GetArrayLength(), Is.EqualTo(2));
            Assert.That(firstOfTwo.GetProperty("totalCount").GetInt32(), Is.EqualTo(3), "a full page is followed by a count");
            Assert.That(full.Commands, Has.Count.EqualTo(2));
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
