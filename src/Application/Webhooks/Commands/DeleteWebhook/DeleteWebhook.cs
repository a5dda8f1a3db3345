using CustomerCare.Application.Common.Interfaces;
using Mediator;

namespace CustomerCare.Application.Webhooks.Commands.DeleteWebhook;

/// <summary>Ends a subscription; its deliveries and their log go with it.</summary>
public sealed record DeleteWebhookCommand(Guid Id) : ICommand;

public sealed class DeleteWebhookCommandHandler(IApplicationDbContext db, ICurrentUser user) : ICommandHandler<DeleteWebhookCommand>
{
    public async ValueTask<Unit> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.LoadWebhookAsync(user, command.Id, cancellationToken);
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
