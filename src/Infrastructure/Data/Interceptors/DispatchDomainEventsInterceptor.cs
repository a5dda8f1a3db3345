using CustomerCare.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Infrastructure.Data.Interceptors;

/// <summary>
/// Publishes the domain events of the aggregates a SaveChanges writes, before it writes them: handlers add what follows
/// (outbox messages, follow-up tasks, survey invitations) to the same unit of work, so it commits with the change or not
/// at all. Events raised by handlers are published in turn. Anything that leaves the process goes through the outbox and
/// is delivered after commit. See docs/adr/0006-domain-events-before-commit.md. One instance serves every pooled context:
/// the handlers run in the scope that leased the context (<see cref="CustomerCareDbContext.RequestServices"/>).
/// </summary>
public sealed class DispatchDomainEventsInterceptor : SaveChangesInterceptor
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

    /// <summary>
    /// Publishes round after round until no tracked aggregate has an event left. The aggregates are listed without
    /// detecting changes: a full DetectChanges walks every tracked entity (the ~5,000 of an import batch), and it could
    /// only add aggregates reached through another entity's navigation, which the model does not have: aggregates refer
    /// to each other by id, and every aggregate a handler creates it adds to its set (<c>SaveChangeDetectionTests</c>
    /// keeps the model so). The save's own walk (EF Core's, or COPY's in a bulk save) still finds what the handlers
    /// changed and the children they added.
    /// </summary>
    private static async Task DispatchAsync(DbContext context, CancellationToken cancellationToken)
    {
        var tracker = context.ChangeTracker;
        IPublisher? publisher = null;
        using var _ = tracker.PauseAutoDetect();
        for (var round = 0; ; round++)
        {
            var events = Dequeue(tracker);
            if (events.Count == 0)
            {
                return;
            }

            if (round == MaxRounds)
            {
                throw new InvalidOperationException($"Domain event handlers kept raising events after {MaxRounds} rounds.");
            }

            publisher ??= (context as CustomerCareDbContext)?.RequestServices?.GetRequiredService<IPublisher>()
                ?? throw new InvalidOperationException("Domain events are published in the scope that leased the context: this one was not leased.");
            foreach (var domainEvent in events)
            {
                await publisher.Publish(domainEvent, cancellationToken);
            }
        }
    }

    private static List<IDomainEvent> Dequeue(ChangeTracker tracker) =>
        tracker.Entries<AggregateRoot>().SelectMany(e => e.Entity.DequeueDomainEvents()).ToList();
}
