using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Webhooks.Queries.GetWebhook;
using CustomerCare.Domain.Webhooks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Webhooks.Commands.CreateWebhook;

/// <summary>
/// Subscribes a URL to complaint events. A partner subscribes for itself (its own complaints only); an administrator
/// for a partner (<see cref="PartnerId"/>) or, without one, for every complaint. The secret is answered once.
/// </summary>
/// <summary>A receiver for webhook events: its URL, the event types it wants, and (administrators) the partner it serves.</summary>
public sealed record CreateWebhookInput(
    string Url,
    IReadOnlyList<string> EventTypes,
    string? Description,
    Guid? PartnerId);

public sealed record CreateWebhookCommand(CreateWebhookInput Input)
    : ICommand<WebhookWithSecretDto>;

public sealed class CreateWebhookCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IMapper mapper)
    : ICommandHandler<CreateWebhookCommand, WebhookWithSecretDto>
{
    public async ValueTask<WebhookWithSecretDto> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        Guid? partnerId;
        if (user.Kind == CallerKind.Partner)
        {
            if (command.Input.PartnerId is { } named && named != user.Id)
            {
                throw new ValidationException("partnerId", "A partner subscribes for itself only; leave partnerId out.");
            }

            partnerId = user.Id;
        }
        else
        {
            partnerId = command.Input.PartnerId;
            if (partnerId is { } id && !await db.Partners.AnyAsync(p => p.Id == id, cancellationToken))
            {
                throw new ValidationException("partnerId", "No partner has this id.");
            }
        }

        EnsurePublicTypes(partnerId, command.Input.EventTypes);
        var secret = WebhookSubscription.NewSecret();
        var subscription = WebhookSubscription.Create(partnerId, new Uri(command.Input.Url), command.Input.EventTypes, secret, command.Input.Description, time.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookWithSecretDto(mapper.Map<WebhookDto>(subscription), secret);
    }

    /// <summary>A partner's subscription hears of public timeline entries only, so it may ask only for the types they produce.</summary>
    internal static void EnsurePublicTypes(Guid? partnerId, IReadOnlyList<string> eventTypes)
    {
        if (partnerId is not null && eventTypes.FirstOrDefault(t => !WebhookEventTypes.IsPublic(t)) is { } internalType)
        {
            throw new ValidationException("eventTypes",
                $"'{internalType}' is internal to the operator's staff; a partner's subscription may ask for: {string.Join(", ", WebhookEventTypes.Public)}.");
        }
    }
}
