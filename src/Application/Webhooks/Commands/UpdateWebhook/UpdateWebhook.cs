using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Webhooks.Commands.CreateWebhook;
using CustomerCare.Application.Webhooks.Queries.GetWebhook;
using Mediator;

namespace CustomerCare.Application.Webhooks.Commands.UpdateWebhook;

/// <summary>Replaces URL, event types, description and the active flag (If-Match optional: a stale one gets 412).</summary>
/// <summary>A receiver changed: URL, event types, description, on or off.</summary>
public sealed record UpdateWebhookInput(
    string Url,
    IReadOnlyList<string> EventTypes,
    string? Description,
    bool? IsActive);

public sealed record UpdateWebhookCommand(Guid Id, UpdateWebhookInput Input, uint? ExpectedVersion)
    : ICommand<WebhookDto>;

public sealed class UpdateWebhookCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IMapper mapper)
    : ICommandHandler<UpdateWebhookCommand, WebhookDto>
{
    public async ValueTask<WebhookDto> Handle(UpdateWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.LoadWebhookAsync(user, command.Id, cancellationToken);
        db.ExpectVersion(subscription, command.ExpectedVersion);
        CreateWebhookCommandHandler.EnsurePublicTypes(subscription.PartnerId, command.Input.EventTypes);
        subscription.Change(new Uri(command.Input.Url), command.Input.EventTypes, command.Input.Description, (command.Input.IsActive ?? true), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<WebhookDto>(subscription);
    }
}
