using System.Diagnostics;

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
            var start = new ProcessStartInfo("bash", ["clients/dotnet/generate.sh", fresh])
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var generate = Process.Start(start)!;
            var output = generate.StandardOutput.ReadToEndAsync();
            var errors = generate.StandardError.ReadToEndAsync();
            await generate.WaitForExitAsync();
            Assert.That(generate.ExitCode, Is.Zero, await output + await errors);

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
