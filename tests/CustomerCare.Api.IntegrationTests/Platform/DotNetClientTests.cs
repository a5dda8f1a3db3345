namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// The .NET client partners reference (clients/dotnet) is what NSwag makes of today's openapi.yaml: generated afresh
/// (clients/dotnet/generate.sh, as scripts/openapi.sh runs it) into a temporary file, it equals the committed one. Its use
/// is proven by the partner scenario (<see cref="Partners.PartnerClientTests"/>).
/// </summary>
public sealed class DotNetClientTests
{
    [Test]
    public async Task GeneratedClient_IsWhatNSwagMakesOfTodaysContract()
    {
        var root = RepositoryRoot.Find();
        var fresh = Path.Combine(Path.GetTempPath(), $"customercare-client-{Guid.NewGuid():N}.g.cs");
        try
        {
            var generate = await Scripts.RunAsync($"bash clients/dotnet/generate.sh '{fresh}'", root);
            Assert.That(generate.ExitCode, Is.Zero, generate.ToString());

            var committed = await File.ReadAllTextAsync(Path.Combine(root, "clients", "dotnet", "CustomerCare.Client", "CustomerCareClient.g.cs"));
            Assert.That(await File.ReadAllTextAsync(fresh) == committed, Is.True,
                "clients/dotnet/CustomerCare.Client/CustomerCareClient.g.cs is stale: run scripts/openapi.sh and commit it");
        }
        finally
        {
            File.Delete(fresh);
        }
    }
}
