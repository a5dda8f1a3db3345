using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Application.Common.Behaviours;

/// <summary>
/// Outermost behaviour: logs every exception that is not an expected, client-caused outcome
/// (invalid input, not found, a business rule, cancellation) and lets it travel on unchanged.
/// </summary>
public sealed class UnhandledExceptionBehaviour<TMessage, TResponse>(ILogger<TMessage> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex) when (!IsExpected(ex, cancellationToken))
        {
            PipelineLog.UnhandledException(logger, ex, typeof(TMessage).Name);
            throw;
        }
    }

    // Outcomes a client caused and is told about (invalid input, not found, a rule, a stale version, lockout…):
    // every exception of Common.Exceptions, domain refusals, and optimistic-concurrency conflicts.
    private static bool IsExpected(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        DomainException or DbUpdateConcurrencyException => true,
        _ when ex.GetType().Namespace == typeof(NotFoundException).Namespace => true,
        OperationCanceledException => cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
