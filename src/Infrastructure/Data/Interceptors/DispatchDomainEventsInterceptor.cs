using CustomerCare.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerCare.Infrastructure.Data.Interceptors;

/// <summary>
/// Publishes the domain events of the aggregates a SaveChanges writes, before it writes them: handlers add what follows
/// (outbox messages, follow-up tasks, survey invitations) to the same unit of work, so it commits with the change or not
/// at all. Events raised by handlers are published in turn. Anything that leaves the process goes through the outbox and
/// is delivered after commit. See docs/adr/0006-domain-events-before-commit.md.
/// </summary>
public sealed class DispatchDomainEventsInterceptor(IPublisher publisher) : SaveChangesInterceptor
{
    /// <summary>Rounds of handlers raising further events before the cascade is taken for a bug.</summary>
    private const int MaxRounds = 8;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await DispatchAsync(context, cancellationToken);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new InvalidOperationException("Save with SaveChangesAsync: domain event handlers run asynchronously inside the save.");

    private async Task DispatchAsync(DbContext context, CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            var events = context.ChangeTracker.Entries<AggregateRoot>().SelectMany(e => e.Entity.DequeueDomainEvents()).ToList();
            if (events.Count == 0)
            {
                return;
            }

            if (round == MaxRounds)
            {
                throw new InvalidOperationException($"Domain event handlers kept raising events after {MaxRounds} rounds.");
            }

            foreach (var domainEvent in events)
            {
                await publisher.Publish(domainEvent, cancellationToken);
            }

            context.ChangeTracker.DetectChanges();
        }
    }
}
