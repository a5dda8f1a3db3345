using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Webhooks.Commands.CreateWebhook;
using CustomerCare.Application.Webhooks.Queries.GetWebhook;
using Mediator;

namespace CustomerCare.Application.Webhooks.Commands.UpdateWebhook;

/// <summary>Replaces URL, event types, description and the active flag (If-Match optional: a stale one gets 412).</summary>
public sealed record UpdateWebhookCommand(Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Description, bool IsActive, uint? ExpectedVersion)
    : ICommand<WebhookDto>;

public sealed class UpdateWebhookCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IMapper mapper)
    : ICommandHandler<UpdateWebhookCommand, WebhookDto>
{
    public async ValueTask<WebhookDto> Handle(UpdateWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.LoadWebhookAsync(user, command.Id, cancellationToken);
        db.ExpectVersion(subscription, command.ExpectedVersion);
        CreateWebhookCommandHandler.EnsurePublicTypes(subscription.PartnerId, command.EventTypes);
        subscription.Change(new Uri(command.Url), command.EventTypes, command.Description, command.IsActive, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<WebhookDto>(subscription);
    }
}
