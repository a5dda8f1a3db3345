using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.ReferenceData;

/// <summary>
/// GET /api/v1/reference-data names every value of each closed set the contract declares, in English and in Chinese,
/// so that a front end can label whatever the API sends; staff and partners read it alike.
/// </summary>
public sealed class ReferenceDataTests : AdminIntegrationTest
{
    [TestCase("channels", "Channel")]
    [TestCase("severities", "Severity")]
    [TestCase("complaintStatuses", "ComplaintStatus")]
    [TestCase("complaintActions", "ComplaintAction")]
    [TestCase("closingReasons", "ClosingReason")]
    public async Task EveryValueTheContractDeclares_HasANameInBothLanguages(string set, string schema)
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var declared = document.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("enum")
            .EnumerateArray().Select(v => v.GetString()!).ToList();
        var data = await (await Admin.GetAsync("/api/v1/reference-data")).ReadJsonAsync();
        var labels = data.GetProperty(set).EnumerateArray()
            .Select(l => (Value: l.GetProperty("value").GetString()!, En: l.GetProperty("en").GetString()!, Zh: l.GetProperty("zhCn").GetString()!))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(labels.Select(l => l.Value), Is.EqualTo(declared));
            Assert.That(labels.Where(l => l.En == l.Value && l.En.Any(char.IsLower)).Select(l => l.Value), Is.Empty, "an English name, not the value");
            Assert.That(labels.Where(l => !System.Text.RegularExpressions.Regex.IsMatch(l.Zh, @"\p{IsCJKUnifiedIdeographs}")).Select(l => l.Value), Is.Empty,
                "a Chinese name");
        });
    }

    [Test]
    public async Task Categories_AreTheOnesComplaintsAccept_AndAPartnerReadsThemToo()
    {
        var (_, _, key) = await ApiClient.CreatePartnerKeyAsync("Shop reading labels");
        using var partner = ApiClient.WithApiKey(key);
        var data = await (await partner.GetAsync("/api/v1/reference-data")).ReadJsonAsync();
        var categories = data.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("value").GetString()!, c => c.GetProperty("zhCn").GetString()!);

        Assert.Multiple(() =>
        {
            Assert.That(categories.Keys, Is.SupersetOf(new[] { "productQuality", "serviceAttitude", "afterSales", "logistics", "technicalFault", "other" }));
            Assert.That(categories["productQuality"], Is.EqualTo("产品质量"));
        });
    }
}
