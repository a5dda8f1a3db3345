using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CustomerCare.Architecture.Tests;

/// <summary>Secrets come from configuration (environment, a secret store), never from the repository.</summary>
public partial class SecretsTests
{
    [GeneratedRegex("""(?i)"(SigningKey|Password|AdminPassword|DemoStaffPassword|LicenseKey|Secret)"\s*:\s*"[^"]+"|Password=[^;"'\s]+|-----BEGIN [A-Z ]*PRIVATE KEY-----""")]
    private static partial Regex SecretPattern();

    [Test]
    public void NoTrackedConfigurationOrScriptHoldsASecret()
    {
        var start = new ProcessStartInfo("git", ["ls-files", "-z"]) { WorkingDirectory = RepositoryRoot.Find(), RedirectStandardOutput = true };
        using var git = Process.Start(start)!;
        var files = git.StandardOutput.ReadToEnd().Split('\0', StringSplitOptions.RemoveEmptyEntries);
        git.WaitForExit();
        Assume.That(git.ExitCode, Is.Zero, "not a git checkout");

        // Configuration, scripts and docs ship to operators; test code may hold the throwaway keys of its own hosts.
        var shipped = files.Where(f => !f.StartsWith("tests/", StringComparison.Ordinal)
            && (f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".sh", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)
                || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal)))
            .Where(f => !f.Contains("package-lock.json", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal))
            .Where(f => !f.EndsWith("OpenApiExamples.cs", StringComparison.Ordinal)) // sample request bodies shown in Swagger UI
            .ToList();
        Assert.That(shipped, Has.Count.GreaterThan(50));

        var found = shipped.SelectMany(f => SecretPattern().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), f)))
                .Where(m => !m.Value.Contains("…", StringComparison.Ordinal) && !m.Value.Contains('$', StringComparison.Ordinal) && !m.Value.Contains('{', StringComparison.Ordinal)
                    && !m.Value.Contains('%', StringComparison.Ordinal)) // placeholders: …, $VARIABLE, {value}, printf's %s
                .Select(m => $"{f}: {m.Value}"))
            .ToList();

        Assert.That(found, Is.Empty);
        Assert.That(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), ".gitignore")), Does.Contain(".data/"), "local keys and passwords stay out of git");
    }
}
