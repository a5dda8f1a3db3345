using System.Threading.RateLimiting;
using CustomerCare.Api.Infrastructure.Limits;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>The per-caller counter behind the RateLimit-* headers, on a clock the test moves.</summary>
public sealed class WindowRateLimiterTests
{
    [Test]
    public void Window_CountsDown_RefusesWithTheTimeLeft_AndStartsAgainWhenItEnds()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new WindowRateLimiter(permitLimit: 2, window: TimeSpan.FromSeconds(60), clock);

        var first = (WindowRateLimiter.WindowLease)limiter.AttemptAcquire();
        clock.Advance(TimeSpan.FromSeconds(20));
        var second = (WindowRateLimiter.WindowLease)limiter.AttemptAcquire();
        var refused = (WindowRateLimiter.WindowLease)limiter.AttemptAcquire();
        clock.Advance(TimeSpan.FromSeconds(40));
        var next = (WindowRateLimiter.WindowLease)limiter.AttemptAcquire();

        Assert.Multiple(() =>
        {
            Assert.That((first.IsAcquired, first.Limit, first.Remaining, first.Reset), Is.EqualTo((true, 2, 1, TimeSpan.FromSeconds(60))));
            Assert.That((second.IsAcquired, second.Remaining, second.Reset), Is.EqualTo((true, 0, TimeSpan.FromSeconds(40))));
            Assert.That((refused.IsAcquired, refused.Remaining), Is.EqualTo((false, 0)));
            Assert.That(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : default, Is.EqualTo(TimeSpan.FromSeconds(40)));
            Assert.That((next.IsAcquired, next.Remaining, next.Reset), Is.EqualTo((true, 1, TimeSpan.FromSeconds(60))), "a new window");
            Assert.That(limiter.GetStatistics()!.TotalFailedLeases, Is.EqualTo(1));
        });
    }

    [Test]
    public void IdleDuration_IsNullWhileAWindowIsOpen_AndGrowsAfterItEnds()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new WindowRateLimiter(permitLimit: 5, window: TimeSpan.FromSeconds(10), clock);
        limiter.AttemptAcquire().Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));
        var open = limiter.IdleDuration;
        clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Multiple(() =>
        {
            Assert.That(open, Is.Null, "counting: the partitioned limiter must keep it");
            Assert.That(limiter.IdleDuration, Is.EqualTo(TimeSpan.FromSeconds(15)), "idle since its window ended: it may be dropped");
            Assert.That(limiter.GetStatistics()!.CurrentAvailablePermits, Is.EqualTo(5));
        });
    }
}
