using CustomerCare.Application.Common.Options;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Common.Behaviours;

/// <summary>Warns when a handler takes longer than the configured threshold (innermost but for a query's <see cref="ReadBehaviour{TMessage, TResponse}"/>: its retries count).</summary>
public sealed class PerformanceBehaviour<TMessage, TResponse>(
    ILogger<TMessage> logger, TimeProvider timeProvider, IOptionsMonitor<MediatorPipelineOptions> options)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = timeProvider.GetElapsedTime(started);
        var threshold = options.CurrentValue.SlowRequestThreshold;
        if (elapsed > threshold)
        {
            PipelineLog.SlowRequest(logger, typeof(TMessage).Name,
                (long)elapsed.TotalMilliseconds, (long)threshold.TotalMilliseconds);
        }

        return response;
    }
}
