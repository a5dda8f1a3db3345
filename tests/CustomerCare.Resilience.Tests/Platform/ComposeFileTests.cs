using System.Text.RegularExpressions;

namespace CustomerCare.Resilience.Tests.Platform;

/// <summary>
/// deploy/compose.yaml, read by a real Compose (Debian's docker-compose validates and interpolates a file without an
/// engine): it runs the image scripts/image.sh names, migrates before the API starts, keeps the root filesystem
/// read-only, probes with the executable's own health verb, takes every secret from the environment (refusing to start
/// without one), and sets only settings the README documents.
/// </summary>
public class ComposeFileTests
{
    private static readonly string File = Path.Combine(RepositoryRoot.Find(), "deploy", "compose.yaml");

    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["POSTGRES_PASSWORD"] = "compose-test-password",
        ["CUSTOMERCARE_SIGNING_KEY"] = "c2lnbmluZy1rZXktb2YtdGhlLWNvbXBvc2UtdGVzdC0wMTIzNDU2Nzg5",
        ["CUSTOMERCARE_ADMIN_EMAIL"] = "admin@compose.example",
        ["CUSTOMERCARE_ADMIN_PASSWORD"] = "Compose-Bootstrap-Secr3t",
    };

    /// <summary><c>docker-compose config</c> on the file, with <paramref name="environment"/> and no other of the secrets (empty is unset to it).</summary>
    private static async Task<(int ExitCode, string Output)> ConfigAsync(IReadOnlyDictionary<string, string> environment)
    {
        var binary = Environment.GetEnvironmentVariable("DOCKER_COMPOSE_PATH") ?? "/usr/bin/docker-compose";
        Assert.That(System.IO.File.Exists(binary), Is.True, $"docker-compose is not at {binary}: scripts/test.sh installs Debian's docker-compose.");
        var variables = Secrets.Keys.ToDictionary(name => name, name => environment.GetValueOrDefault(name, ""));
        var outcome = await Scripts.RunAsync($"'{binary}' -f '{File}' config", environment: variables);
        return (outcome.ExitCode, outcome.Output + outcome.Errors);
    }

    [Test]
    public async Task Compose_AcceptsTheFile_WithTheSecretsGiven_AndItRunsTheImageAsDeployed()
    {
        var (exitCode, config) = await ConfigAsync(Secrets);

        Assert.That(exitCode, Is.Zero, config);
        Assert.Multiple(() =>
        {
            Assert.That(Regex.Matches(config, @"image: customercare/api:latest").Count, Is.EqualTo(2), "the migrate step and the API: the image scripts/image.sh tags");
            Assert.That(config, Does.Contain("image: postgres:15"));
            Assert.That(config, Does.Match(@"command:\s*\n\s*- migrate"), "the migration step");
            Assert.That(config, Does.Contain("condition: service_completed_successfully"), "the API waits for the migration");
            Assert.That(config, Does.Match(@"test:\s*\n\s*- CMD\s*\n\s*- /app/CustomerCare.Api\s*\n\s*- health"), "the executable's own probe");
            Assert.That(Regex.Matches(config, "read_only: true").Count, Is.EqualTo(2));
            Assert.That(config, Does.Contain("data:/var/lib/customercare"), "the key ring and evidence files in a volume");
            Assert.That(config, Does.Contain("Password=compose-test-password"), "secrets come from the environment");
        });
    }

    [Test]
    public async Task Compose_RefusesTheFile_WhileASecretIsMissing()
    {
        foreach (var missing in Secrets.Keys)
        {
            var (exitCode, output) = await ConfigAsync(Secrets.Where(s => s.Key != missing).ToDictionary());
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.Not.Zero, $"without {missing}");
                Assert.That(output, Does.Contain($"set {missing}"));
            });
        }
    }

    [Test]
    public void EverySettingTheFileSets_IsOneTheReadmeDocuments()
    {
        var readme = System.IO.File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md"));
        var settings = Regex.Matches(System.IO.File.ReadAllText(File), @"^\s+((?:CustomerCare|ConnectionStrings)__\w+):", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToList();

        Assert.That(settings, Has.Count.GreaterThanOrEqualTo(6));
        Assert.That(settings.Where(s => !readme.Contains($"`{s}`", StringComparison.Ordinal)
            && !readme.Contains($"`__{s.Split("__")[^1]}`", StringComparison.Ordinal)), Is.Empty);
    }
}
