using CustomerCare.Application.Common.Interfaces;
using Mediator;

namespace CustomerCare.Application.Common.Behaviours;

/// <summary>
/// A query runs when <see cref="QueryAdmission"/> gives it a turn (ADR 0024). Commands are not held back (a write
/// waits on its locks, not behind reads), nor are the reports and the ledger export (<see cref="IReportQuery"/>): they
/// read the report database, a replica when there is one, and an aggregation of seconds would hold a turn the primary's
/// short queries need. Inside validation (a refused query never waits), outside the performance warning and the read's
/// retries (the wait is not the handler's).
/// </summary>
public sealed class AdmissionBehaviour<TMessage, TResponse>(QueryAdmission admission) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly bool Admitted =
        typeof(IBaseQuery).IsAssignableFrom(typeof(TMessage)) && !typeof(IReportQuery).IsAssignableFrom(typeof(TMessage));

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        Admitted ? InTurn(message, next, cancellationToken) : next(message, cancellationToken);

    private async ValueTask<TResponse> InTurn(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using (await admission.EnterAsync(cancellationToken))
        {
            return await next(message, cancellationToken);
        }
    }
}
