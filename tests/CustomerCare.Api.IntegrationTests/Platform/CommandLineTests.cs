using CustomerCare.Api.Infrastructure.Hosting;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// The executable's verbs for the container image (its health probe and its migration step); the image test runs both
/// for real. Here: which arguments are which verb, and where the probe asks.
/// </summary>
public sealed class CommandLineTests
{
    [TestCase(null, "http://127.0.0.1:5000/")]
    [TestCase("http://+:8080", "http://127.0.0.1:8080/")]
    [TestCase("http://*:8080;https://*:8443", "http://127.0.0.1:8080/")]
    [TestCase("http://0.0.0.0:9000", "http://127.0.0.1:9000/")]
    [TestCase("http://[::]:9001", "http://127.0.0.1:9001/")]
    [TestCase("http://localhost:7000", "http://127.0.0.1:7000/")]
    [TestCase(" http://10.1.2.3:8080 ; http://+:9", "http://10.1.2.3:8080/")]
    public void TheProbe_AsksTheFirstListeningUrl_WithAWildcardReadAsLoopback(string? urls, string expected) =>
        Assert.That(CommandLine.LocalUrl(urls).ToString(), Is.EqualTo(expected));

    [Test]
    public void Verbs_AreTheFirstArgument_AndAnythingElseServes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CommandLine.IsHealthProbe(["health"]), Is.True);
            Assert.That(CommandLine.IsHealthProbe(["health", "live"]), Is.True);
            Assert.That(CommandLine.IsMigration(["migrate"]), Is.True);
            Assert.That(CommandLine.IsMigration(["migrate", "now"]), Is.False);
            Assert.That(CommandLine.IsHealthProbe([]) || CommandLine.IsMigration([]), Is.False);
            Assert.That(CommandLine.IsHealthProbe(["--urls=http://+:80"]) || CommandLine.IsMigration(["--urls=http://+:80"]), Is.False);
        });
    }

    [Test]
    public async Task TheProbe_OfNothingListening_Fails_AndSaysWhereItAsked()
    {
        using var output = new StringWriter();

        Assert.That(await CommandLine.ProbeAsync(["health"], "http://+:1", output), Is.EqualTo(1)); // nobody listens on port 1
        Assert.That(output.ToString(), Does.StartWith("http://127.0.0.1:1/health/ready: "));
    }

    [Test]
    public async Task TheProbe_OfUrlsThatAreNoUrls_Fails_AndSaysSo()
    {
        using var output = new StringWriter();

        Assert.That(await CommandLine.ProbeAsync(["health"], "http://+:port", output), Is.EqualTo(1));
        Assert.That(output.ToString(), Does.StartWith("ASPNETCORE_URLS is not a list of URLs: http://+:port"));
    }
}
