using CustomerCare.Application.Common.Options;
using CustomerCare.Domain.Notifications;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;

namespace CustomerCare.Infrastructure.Notifications;

/// <summary>
/// How one notification is tried within a dispatcher pass, through a Polly pipeline per channel (one per replica): a failure
/// that may pass (a server down, a timeout, "too many messages") is tried again at once, <see cref="NotificationOptions.ImmediateRetries"/>
/// times with exponential back-off and jitter, before the dispatcher schedules the next attempt; a channel whose sends
/// nearly all fail is paused by a circuit breaker (the notifications wait, untried, for the next pass after it).
/// A refusal for good is never retried. The pipelines are built with the settings of their first use.
/// </summary>
public sealed class NotificationSendPolicy(IOptionsMonitor<NotificationOptions> options)
{
    private readonly ResiliencePipelineRegistry<NotificationChannel> _pipelines = new();

    /// <returns>The last outcome, and how many attempts were made (none while the channel's circuit is open).</returns>
    public async Task<(SendOutcome Outcome, int Attempts)> SendAsync(
        INotificationSender sender, OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var pipeline = _pipelines.GetOrAddPipeline<SendOutcome>(sender.Channel, Build);
        var attempts = 0;
        try
        {
            var outcome = await pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                return await sender.SendAsync(notification, token);
            }, cancellationToken);
            return (outcome, attempts);
        }
        catch (BrokenCircuitException open)
        {
            return (SendOutcome.Retry($"The {LocalizableChannel(sender.Channel)} channel failed too often: paused{(open.RetryAfter is { } wait ? $" for {wait.TotalSeconds:0} s" : string.Empty)}."),
                attempts);
        }
    }

    private static string LocalizableChannel(NotificationChannel channel) => Domain.Common.LocalizableText.CamelCase(channel.ToString());

    private void Build(ResiliencePipelineBuilder<SendOutcome> builder)
    {
        var settings = options.CurrentValue;
        static bool MayPass(Outcome<SendOutcome> outcome) => outcome.Result is { Sent: false, Permanent: false };
        if (settings.ImmediateRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<SendOutcome>
            {
                MaxRetryAttempts = settings.ImmediateRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.ImmediateRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(MayPass(args.Outcome)),
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<SendOutcome>
        {
            FailureRatio = settings.BreakerFailureRatio,
            MinimumThroughput = settings.BreakerMinimumThroughput,
            SamplingDuration = settings.BreakerSamplingDuration,
            BreakDuration = settings.BreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(MayPass(args.Outcome)),
        });
    }
}
