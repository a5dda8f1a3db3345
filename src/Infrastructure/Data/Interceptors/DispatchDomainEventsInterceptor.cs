using CustomerCare.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerCare.Infrastructure.Data.Interceptors;

/// <summary>
/// Publishes the domain events of the aggregates a SaveChanges wrote, after it succeeded, so that no handler
/// ever sees a change that was rolled back. (Anything leaving the process goes through the outbox instead.)
/// </summary>
public sealed class DispatchDomainEventsInterceptor(IPublisher publisher) : SaveChangesInterceptor
{
    private readonly List<IDomainEvent> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            _pending.AddRange(context.ChangeTracker.Entries<AggregateRoot>().SelectMany(e => e.Entity.DequeueDomainEvents()));
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var events = _pending.ToArray();
        _pending.Clear();
        foreach (var domainEvent in events)
        {
            await publisher.Publish(domainEvent, cancellationToken);
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Clear();
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }
}
