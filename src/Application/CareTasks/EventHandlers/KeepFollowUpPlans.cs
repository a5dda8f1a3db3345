using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.CareTasks;
using CustomerCare.Domain.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.CareTasks.EventHandlers;

/// <summary>
/// A key customer's follow-up plan, kept as one open care task at a time, in the same unit of work as the change that
/// moves it: setting the plan schedules (or moves) the next contact to its first day; ending it cancels the open one;
/// when a planned contact is done or cancelled, the next is due the plan's interval after it (later still when that day
/// has passed, so that a late contact does not leave a run of overdue ones).
/// </summary>
public sealed class KeepFollowUpPlans(IApplicationDbContext db, ISlaScheduleProvider schedules)
    : INotificationHandler<CustomerFollowUpPlanChanged>, INotificationHandler<PlannedContactFinished>
{
    public async ValueTask Handle(CustomerFollowUpPlanChanged notification, CancellationToken cancellationToken)
    {
        var open = await OpenPlannedContactsAsync(notification.CustomerId, null, cancellationToken);
        if (notification is not { EveryMonths: { } months, FirstOn: { } firstOn })
        {
            open.ForEach(t => t.Cancel("The follow-up plan ended.", null, notification.OccurredAt));
            return;
        }

        if (open.FirstOrDefault() is { } next)
        {
            next.Reschedule(notification.OwnerId, firstOn, notification.OccurredAt);
            return;
        }

        db.CareTasks.Add(CareTask.PlannedContact(notification.CustomerId, notification.OwnerId, firstOn, months, notification.OccurredAt));
    }

    public async ValueTask Handle(PlannedContactFinished notification, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == notification.CustomerId, cancellationToken);
        if (customer is not { FollowUpEveryMonths: { } months, IsErased: false, IsMerged: false }
            || (await OpenPlannedContactsAsync(customer.Id, notification.CareTaskId, cancellationToken)).Count > 0)
        {
            return;
        }

        var today = (await schedules.GetCurrentAsync(cancellationToken)).Calendar.DateOf(notification.OccurredAt);
        var next = notification.DueOn.AddMonths(months);
        while (next <= today)
        {
            next = next.AddMonths(months);
        }

        db.CareTasks.Add(CareTask.PlannedContact(customer.Id, customer.FollowUpOwnerId, next, months, notification.OccurredAt));
    }

    /// <summary>The customer's open planned contacts as this unit of work has them (stored ones, and those added but not yet saved).</summary>
    private async Task<List<CareTask>> OpenPlannedContactsAsync(Guid customerId, Guid? except, CancellationToken ct)
    {
        var stored = await db.CareTasks
            .Where(t => t.CustomerId == customerId && t.Kind == CareTaskKind.KeyCustomerContact && t.IsAutomatic && t.Status == CareTaskStatus.Open)
            .ToListAsync(ct);
        return stored.Concat(db.CareTasks.Local.Where(t => t.CustomerId == customerId && t.IsPlannedContact))
            .Where(t => t.Status == CareTaskStatus.Open && t.Id != except).Distinct().OrderBy(t => t.DueOn).ToList();
    }
}
