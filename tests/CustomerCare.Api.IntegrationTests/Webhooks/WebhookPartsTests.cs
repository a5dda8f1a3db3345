using System.Net;
using CustomerCare.Application.Common.Options;
using CustomerCare.Infrastructure.Webhooks;

namespace CustomerCare.Api.IntegrationTests.Webhooks;

/// <summary>The pieces of delivery that need no database.</summary>
public sealed class WebhookPartsTests
{
    [Test]
    public void Sign_MatchesTheStandardWebhooksReferenceVector()
    {
        // The example of the Standard Webhooks specification (and its reference libraries).
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        const string id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        const long timestamp = 1614265330;
        var body = System.Text.Encoding.UTF8.GetBytes("""{"test": 2432232314}""");

        Assert.That(WebhookSignature.Sign(secret, id, timestamp, body), Is.EqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    [TestCase("127.0.0.1", false)]
    [TestCase("10.1.2.3", false)]
    [TestCase("172.20.0.1", false)]
    [TestCase("192.168.1.1", false)]
    [TestCase("169.254.169.254", false)]
    [TestCase("100.64.0.1", false)]
    [TestCase("::1", false)]
    [TestCase("fd00::1", false)]
    [TestCase("fe80::1", false)]
    [TestCase("::ffff:10.0.0.1", false)]
    [TestCase("192.0.2.10", false)]
    [TestCase("198.18.0.1", false)]
    [TestCase("198.19.255.1", false)]
    [TestCase("198.51.100.7", false)]
    [TestCase("203.0.113.9", false)]
    [TestCase("240.0.0.1", false)]
    [TestCase("255.255.255.255", false)]
    [TestCase("0.1.2.3", false)]
    [TestCase("100.127.255.254", false)]
    [TestCase("64:ff9b::a00:1", false)]
    [TestCase("64:ff9b:1::a00:1", false)]
    [TestCase("2002:a00:1::1", false)]
    [TestCase("::10.0.0.1", false)]
    [TestCase("::ffff:127.0.0.1", false)]
    [TestCase("2001:0:4136:e378:8000:63bf:3fff:fdd2", false)]
    [TestCase("2001:db8::1", false)]
    [TestCase("fec0::1", false)]
    [TestCase("ff02::1", false)]
    [TestCase("100.128.0.1", true)]
    [TestCase("198.20.0.1", true)]
    [TestCase("2001:4860:4860::8888", true)]
    [TestCase("93.184.216.34", true)]
    [TestCase("2606:2800:220:1:248:1893:25c8:1946", true)]
    public void IsPublic_KeepsWebhooksOutOfPrivateNetworks(string address, bool expected) =>
        Assert.That(NetworkGuard.IsPublic(IPAddress.Parse(address)), Is.EqualTo(expected));

    [Test]
    public void Backoff_DoublesWithJitterUpToTheCap()
    {
        var options = new WebhookOptions { RetryBaseDelay = TimeSpan.FromSeconds(30), RetryMaxDelay = TimeSpan.FromMinutes(10) };
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var ceiling = Math.Min(600, 30 * Math.Pow(2, attempt - 1));
            var delays = Enumerable.Range(0, 50).Select(_ => WebhookDispatcher.Backoff(attempt, options).TotalSeconds).ToList();
            Assert.That(delays, Is.All.InRange(ceiling / 2, ceiling), $"attempt {attempt}");
        }

        Assert.That(Enumerable.Range(0, 20).Select(_ => WebhookDispatcher.Backoff(3, options)).Distinct().Count(), Is.GreaterThan(1), "jittered");
    }
}
