using System.Text.Json;
using System.Text.RegularExpressions;

namespace CustomerCare.Architecture.Tests;

/// <summary>
/// openapi.yaml passes Spectral's OpenAPI rules and the OWASP API security ruleset (scripts/lint-openapi.sh, versions
/// pinned by npm) with no error, and every warning left is one the ruleset file justifies; and it passes Redocly CLI's
/// recommended rules with no error and no warning.
/// </summary>
public partial class OpenApiLintTests
{
    [GeneratedRegex(@"^# - ([A-Za-z0-9:./-]+(?: / [A-Za-z0-9:./-]+)*)", RegexOptions.Multiline)]
    private static partial Regex JustifiedWarning();

    [Test]
    public async Task Contract_PassesTheOwaspRuleset_WithEveryWarningJustified()
    {
        var root = RepositoryRoot.Find();
        var (exitCode, json, errors) = await LintAsync("spectral", "--format", "json", "--quiet");
        Assert.That(json.TrimStart(), Does.StartWith("["), $"Spectral did not run (exit {exitCode}): {errors}");

        var findings = JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(f => (Code: f.GetProperty("code").GetString()!, Severity: f.GetProperty("severity").GetInt32(),
                Where: string.Join('.', f.GetProperty("path").EnumerateArray().Select(p => p.ToString()))))
            .ToList();
        var ruleset = await File.ReadAllTextAsync(Path.Combine(root, "scripts", "openapi-lint", ".spectral.yaml"));
        var justified = JustifiedWarning().Matches(ruleset).SelectMany(m => m.Groups[1].Value.Split(" / "))
            .Select(code => code.TrimEnd(':')).ToHashSet(StringComparer.Ordinal);
        var warnings = findings.Where(f => f.Severity == 1).GroupBy(f => f.Code).ToDictionary(g => g.Key, g => g.Count());
        TestContext.Out.WriteLine($"Spectral: {findings.Count(f => f.Severity == 0)} errors; warnings: " +
            string.Join(", ", warnings.Select(w => $"{w.Key} {w.Value}")));

        Assert.Multiple(() =>
        {
            Assert.That(findings.Where(f => f.Severity == 0).Select(f => $"{f.Code} at {f.Where}"), Is.Empty);
            Assert.That(exitCode, Is.Zero);
            Assert.That(warnings.Keys.Where(code => !justified.Contains(code)),
                Is.Empty, "every warning left needs its reason under 'Warnings left' in scripts/openapi-lint/.spectral.yaml");
        });
    }

    [Test]
    public async Task Contract_PassesRedoclysRecommendedRules_WithNoErrorAndNoWarning()
    {
        var (exitCode, json, errors) = await LintAsync("redocly", "--format", "json");
        Assert.That(json.TrimStart(), Does.StartWith("{"), $"Redocly did not run (exit {exitCode}): {errors}");

        var report = JsonDocument.Parse(json).RootElement;
        var problems = report.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()} " +
                string.Join(", ", p.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("pointer").GetString())))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(report.GetProperty("totals").GetProperty("errors").GetInt32(), Is.Zero);
            Assert.That(exitCode, Is.Zero);
        });
    }

    private static async Task<(int ExitCode, string Output, string Errors)> LintAsync(params string[] arguments)
    {
        var outcome = await Scripts.RunAsync("bash scripts/lint-openapi.sh " + string.Join(' ', arguments));
        return (outcome.ExitCode, outcome.Output, outcome.Errors);
    }
}
