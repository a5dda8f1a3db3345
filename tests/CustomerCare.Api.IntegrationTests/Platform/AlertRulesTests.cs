using CustomerCare.Testing;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// deploy/prometheus/alerts.yml is valid for Prometheus (<c>promtool check rules</c>) and each alert fires on the series
/// that should raise it, with its description rendered, and not before (<c>promtool test rules alerts.test.yml</c>).
/// promtool comes with Debian's prometheus package, which scripts/test.sh installs.
/// </summary>
public sealed class AlertRulesTests
{
    private static readonly string Rules = Path.Combine(RepositoryRoot.Find(), "deploy", "prometheus");

    private static async Task<Scripts.Outcome> PromtoolAsync(string arguments)
    {
        var promtool = Environment.GetEnvironmentVariable("PROMTOOL_PATH") ?? "/usr/bin/promtool";
        Assert.That(File.Exists(promtool), Is.True, $"promtool is not at {promtool}: scripts/test.sh installs Debian's prometheus package.");
        return await Scripts.RunAsync($"'{promtool}' {arguments}", Rules);
    }

    [Test]
    public async Task TheAlertRules_AreValid_AndEachFiresWhenItShould()
    {
        var check = await PromtoolAsync("check rules alerts.yml");
        var unit = await PromtoolAsync("test rules alerts.test.yml");

        Assert.Multiple(() =>
        {
            Assert.That(check.ExitCode, Is.Zero, check.ToString());
            Assert.That(check.Output, Does.Contain("SUCCESS: 6 rules found"), check.ToString());
            Assert.That(unit.ExitCode, Is.Zero, unit.ToString());
        });
    }

    [Test]
    public async Task EveryAlert_SaysWhatToDo_AndIsUnitTested()
    {
        var rules = await File.ReadAllTextAsync(Path.Combine(Rules, "alerts.yml"));
        var tests = await File.ReadAllTextAsync(Path.Combine(Rules, "alerts.test.yml"));
        var alerts = System.Text.RegularExpressions.Regex.Matches(rules, @"- alert: (\w+)").Select(m => m.Groups[1].Value).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(alerts, Has.Count.EqualTo(6));
            Assert.That(System.Text.RegularExpressions.Regex.Matches(rules, "description:").Count, Is.EqualTo(alerts.Count), "a description each");
            foreach (var alert in alerts)
            {
                Assert.That(System.Text.RegularExpressions.Regex.Matches(tests, $@"alertname: {alert}\b").Count, Is.GreaterThanOrEqualTo(2),
                    $"{alert}: a case where it fires and one where it does not");
            }
        });
    }
}
