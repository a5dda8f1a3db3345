using CustomerCare.Application.Common.Interfaces;
using Mediator;

namespace CustomerCare.Application.Common.Behaviours;

/// <summary>
/// Innermost behaviour for queries: the handler runs as one read the execution strategy retries as a whole
/// (<see cref="IApplicationDbContext.ReadAsync{T}"/>). A transient failure anywhere in it, while rows are read included,
/// runs the handler again; and its statements stream their rows, where each would otherwise buffer them all first to be
/// retryable on its own (~15 % of what a list allocated, 2026-12-05). Commands keep their own units of work
/// (<see cref="IApplicationDbContext.SaveChangesAsync(Func{CancellationToken, Task}, CancellationToken)"/>).
/// </summary>
public sealed class ReadBehaviour<TMessage, TResponse>(IApplicationDbContext db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly bool IsQuery = typeof(IBaseQuery).IsAssignableFrom(typeof(TMessage));

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        IsQuery
            ? new ValueTask<TResponse>(db.ReadAsync(ct => next(message, ct).AsTask(), cancellationToken))
            : next(message, cancellationToken);
}
