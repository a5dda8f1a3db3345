using System.Diagnostics;
using Mediator;

namespace CustomerCare.Application.Common.Behaviours;

/// <summary>
/// Outermost behaviour: one span per command or query (named after it), a child of the request's span, so that a trace
/// shows HTTP → mediator → SQL. Nothing is recorded unless tracing is on (no listener: no span).
/// </summary>
public sealed class TracingBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly string Name = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = Tracing.Source.StartActivity(Name);
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}
