using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Webhooks.Commands.ResendWebhookDelivery;

/// <summary>Puts a dead delivery back in the queue with a fresh attempt budget (409 unless it is dead).</summary>
public sealed record ResendWebhookDeliveryCommand(Guid WebhookId, Guid DeliveryId) : ICommand;

public sealed class ResendWebhookDeliveryCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time)
    : ICommandHandler<ResendWebhookDeliveryCommand>
{
    public async ValueTask<Unit> Handle(ResendWebhookDeliveryCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.LoadWebhookAsync(user, command.WebhookId, cancellationToken);
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == command.DeliveryId && d.SubscriptionId == subscription.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook delivery", command.DeliveryId);
        delivery.Resend(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
