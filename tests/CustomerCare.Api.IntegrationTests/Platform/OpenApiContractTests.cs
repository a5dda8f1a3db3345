using System.Net;
using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// openapi.yaml at the repository root is the contract front-end teams read: it must equal what the API serves.
/// Regenerate it with <c>scripts/openapi.sh</c> (which runs this test with <c>UPDATE_OPENAPI=1</c>).
/// </summary>
public class OpenApiContractTests : IntegrationTest
{
    [Test]
    public async Task ServedDocument_EqualsCommittedOpenApiYaml()
    {
        var response = await Client.GetAsync("/swagger/v1/swagger.yaml");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var served = Normalise(await response.Content.ReadAsStringAsync());
        var path = Path.Combine(RepositoryRoot.Find(), "openapi.yaml");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served);
            Assert.Pass($"Wrote {path}.");
        }

        Assert.That(File.Exists(path), Is.True, "openapi.yaml is missing: run scripts/openapi.sh");
        var committed = Normalise(await File.ReadAllTextAsync(path));
        Assert.That(served, Is.EqualTo(committed),
            "openapi.yaml differs from what the API serves. If the change is intended, run scripts/openapi.sh and commit the file.");
    }

    private static string Normalise(string yaml) => yaml.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
