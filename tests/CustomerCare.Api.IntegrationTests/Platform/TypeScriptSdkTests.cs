using CustomerCare.Api.IntegrationTests.Infrastructure;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// The official TypeScript SDK (clients/typescript): its lifecycle test (test/lifecycle.test.ts — receipt to closing,
/// compiled with tsc --strict and linted against any, casts and non-null assertions) runs against the API listening on a
/// loopback port; and its generated code is what @hey-api/openapi-ts makes of today's openapi.yaml. scripts/test.sh runs
/// <c>npm ci</c> in clients/typescript first.
/// </summary>
[NonParallelizable]
public sealed class TypeScriptSdkTests
{
    private static readonly string Sdk = Path.Combine(RepositoryRoot.Find(), "clients", "typescript");

    private static async Task<(int ExitCode, string Output)> RunAsync(string command, IReadOnlyDictionary<string, string> environment)
    {
        var outcome = await Scripts.RunAsync(command, Sdk, environment);
        return (outcome.ExitCode, outcome.Output + outcome.Errors);
    }

    [OneTimeSetUp]
    public void RequireInstalledPackages() =>
        Assert.That(Directory.Exists(Path.Combine(Sdk, "node_modules", "@hey-api")), Is.True,
            "clients/typescript/node_modules is missing: scripts/test.sh runs npm ci there (or run it yourself)");

    [Test]
    public async Task AComplaint_GoesFromReceiptToClosing_ThroughTheSdk_UnderStrictTypes()
    {
        await using var api = LoopbackBrowser.StartApi();

        var (exitCode, output) = await RunAsync("npm test", new Dictionary<string, string>
        {
            ["CUSTOMERCARE_BASE_URL"] = api.BaseUrl,
            ["CUSTOMERCARE_EMAIL"] = CustomerCareApiFactory.AdminEmail,
            ["CUSTOMERCARE_PASSWORD"] = CustomerCareApiFactory.AdminPassword,
        });

        TestContext.Out.WriteLine(output);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain("lifecycle: complaint").And.Contain("received →").And.Contain("→ closed"));
        });
    }

    [Test]
    public async Task GeneratedCode_IsWhatTheGeneratorMakesOfTodaysContract()
    {
        var fresh = Directory.CreateTempSubdirectory("customercare-sdk-");
        try
        {
            var (exitCode, output) = await RunAsync("npx --no-install openapi-ts", new Dictionary<string, string> { ["OPENAPI_TS_OUTPUT"] = fresh.FullName });
            Assert.That(exitCode, Is.Zero, output);

            var committed = Path.Combine(Sdk, "src", "generated");
            static List<string> Files(string root) =>
                Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();
            var stale = Files(fresh.FullName)
                .Where(file => !File.Exists(Path.Combine(committed, file))
                    || File.ReadAllText(Path.Combine(committed, file)) != File.ReadAllText(Path.Combine(fresh.FullName, file)))
                .ToList();

            Assert.Multiple(() =>
            {
                Assert.That(Files(committed), Is.EqualTo(Files(fresh.FullName)), "the generated files");
                Assert.That(stale, Is.Empty, "clients/typescript/src/generated is stale: run scripts/openapi.sh and commit it");
            });
        }
        finally
        {
            fresh.Delete(recursive: true);
        }
    }
}
