using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Webhooks.Queries;
using CustomerCare.Domain.Webhooks;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ValidationException = CustomerCare.Application.Common.Exceptions.ValidationException;

namespace CustomerCare.Application.Webhooks.Commands;

/// <summary>
/// Subscribes a URL to complaint events. A partner subscribes for itself (its own complaints only); an administrator
/// for a partner (<see cref="PartnerId"/>) or, without one, for every complaint. The secret is answered once.
/// </summary>
public sealed record CreateWebhookCommand(Guid? PartnerId, string Url, IReadOnlyList<string> EventTypes, string? Description)
    : ICommand<WebhookWithSecretDto>;

public sealed class CreateWebhookCommandValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookCommandValidator(IOptions<WebhookOptions> options)
    {
        RuleFor(c => c.PartnerId).NotEqual(Guid.Empty);
        this.AddTargetRules(c => c.Url, c => c.EventTypes, c => c.Description, options.Value);
    }
}

public sealed class CreateWebhookCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time)
    : ICommandHandler<CreateWebhookCommand, WebhookWithSecretDto>
{
    public async ValueTask<WebhookWithSecretDto> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        Guid? partnerId;
        if (user.Kind == CallerKind.Partner)
        {
            if (command.PartnerId is { } named && named != user.Id)
            {
                throw new ValidationException("partnerId", "A partner subscribes for itself only; leave partnerId out.");
            }

            partnerId = user.Id;
        }
        else
        {
            partnerId = command.PartnerId;
            if (partnerId is { } id && !await db.Partners.AnyAsync(p => p.Id == id, cancellationToken))
            {
                throw new ValidationException("partnerId", "No partner has this id.");
            }
        }

        EnsurePublicTypes(partnerId, command.EventTypes);
        var secret = WebhookSubscription.NewSecret();
        var subscription = WebhookSubscription.Create(partnerId, new Uri(command.Url), command.EventTypes, secret, command.Description, time.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookWithSecretDto(subscription.Dto(), secret);
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

/// <summary>Replaces URL, event types, description and the active flag (If-Match optional: a stale one gets 412).</summary>
public sealed record UpdateWebhookCommand(Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Description, bool IsActive, uint? ExpectedVersion)
    : ICommand<WebhookDto>;

public sealed class UpdateWebhookCommandValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookCommandValidator(IOptions<WebhookOptions> options)
    {
        RuleFor(c => c.Id).NotEmpty();
        this.AddTargetRules(c => c.Url, c => c.EventTypes, c => c.Description, options.Value);
    }
}

public sealed class UpdateWebhookCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time)
    : ICommandHandler<UpdateWebhookCommand, WebhookDto>
{
    public async ValueTask<WebhookDto> Handle(UpdateWebhookCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.LoadWebhookAsync(user, command.Id, cancellationToken);
        db.ExpectVersion(subscription, command.ExpectedVersion);
        CreateWebhookCommandHandler.EnsurePublicTypes(subscription.PartnerId, command.EventTypes);
        subscription.Change(new Uri(command.Url), command.EventTypes, command.Description, command.IsActive, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return subscription.Dto();
    }
}

/// <summary>Ends a subscription; its deliveries and their log go with it.</summary>
public sealed record DeleteWebhookCommand(Guid Id) : ICommand;

public sealed class DeleteWebhookCommandValidator : AbstractValidator<DeleteWebhookCommand>
{
    public DeleteWebhookCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}

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

/// <summary>A new signing secret, answered once; deliveries from now on are signed with it.</summary>
public sealed record RotateWebhookSecretCommand(Guid Id) : ICommand<WebhookWithSecretDto>;

public sealed class RotateWebhookSecretCommandValidator : AbstractValidator<RotateWebhookSecretCommand>
{
    public RotateWebhookSecretCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}

public sealed class RotateWebhookSecretCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time)
    : ICommandHandler<RotateWebhookSecretCommand, WebhookWithSecretDto>
{
    public async ValueTask<WebhookWithSecretDto> Handle(RotateWebhookSecretCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.LoadWebhookAsync(user, command.Id, cancellationToken);
        var secret = WebhookSubscription.NewSecret();
        subscription.RotateSecret(secret, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookWithSecretDto(subscription.Dto(), secret);
    }
}

/// <summary>Puts a dead delivery back in the queue with a fresh attempt budget (409 unless it is dead).</summary>
public sealed record ResendWebhookDeliveryCommand(Guid WebhookId, Guid DeliveryId) : ICommand;

public sealed class ResendWebhookDeliveryCommandValidator : AbstractValidator<ResendWebhookDeliveryCommand>
{
    public ResendWebhookDeliveryCommandValidator()
    {
        RuleFor(c => c.WebhookId).NotEmpty();
        RuleFor(c => c.DeliveryId).NotEmpty();
    }
}

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
