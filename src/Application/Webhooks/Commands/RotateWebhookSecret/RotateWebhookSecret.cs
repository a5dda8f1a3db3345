using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Webhooks.Queries.GetWebhook;
using CustomerCare.Domain.Webhooks;
using Mediator;

namespace CustomerCare.Application.Webhooks.Commands.RotateWebhookSecret;

/// <summary>A new signing secret, answered once; deliveries from now on are signed with it.</summary>
public sealed record RotateWebhookSecretCommand(Guid Id) : ICommand<WebhookWithSecretDto>;

public sealed class RotateWebhookSecretCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IMapper mapper)
    : ICommandHandler<RotateWebhookSecretCommand, WebhookWithSecretDto>
{
    public async ValueTask<WebhookWithSecretDto> Handle(RotateWebhookSecretCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.LoadWebhookAsync(user, command.Id, cancellationToken);
        var secret = WebhookSubscription.NewSecret();
        subscription.RotateSecret(secret, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookWithSecretDto(mapper.Map<WebhookDto>(subscription), secret);
    }
}
