using Mediator;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Application.Common.Behaviours;

/// <summary>Logs which command or query is handled (never its payload: it may hold personal data).</summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(ILogger<TMessage> logger, TimeProvider timeProvider)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var requestName = typeof(TMessage).Name;
        PipelineLog.Handling(logger, requestName);
        var started = timeProvider.GetTimestamp();
        var response = await next(message, cancellationToken);
        PipelineLog.Handled(logger, requestName, (long)timeProvider.GetElapsedTime(started).TotalMilliseconds);
        return response;
    }
}
