using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Webhooks;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Webhooks.Queries;

public sealed record GetWebhookQuery(Guid Id) : IQuery<WebhookDto>;

public sealed class GetWebhookQueryValidator : AbstractValidator<GetWebhookQuery>
{
    public GetWebhookQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}

public sealed class GetWebhookQueryHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetWebhookQuery, WebhookDto>
{
    public async ValueTask<WebhookDto> Handle(GetWebhookQuery query, CancellationToken cancellationToken) =>
        await db.VisibleWebhooks(user).AsNoTracking().Where(s => s.Id == query.Id).Select(WebhookAccess.ToDto).SingleOrDefaultAsync(cancellationToken)
        ?? throw new Common.Exceptions.NotFoundException("Webhook", query.Id);
}

public sealed record ListWebhooksQuery(Guid? PartnerId = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<WebhookDto>>;

public sealed class ListWebhooksQueryValidator : AbstractValidator<ListWebhooksQuery>
{
    public ListWebhooksQueryValidator() => this.AddPagingRules(q => q.Page, q => q.PageSize);
}

public sealed class ListWebhooksQueryHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<ListWebhooksQuery, PagedList<WebhookDto>>
{
    public async ValueTask<PagedList<WebhookDto>> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        var subscriptions = db.VisibleWebhooks(user).AsNoTracking();
        if (query.PartnerId is { } partnerId)
        {
            subscriptions = subscriptions.Where(s => s.PartnerId == partnerId);
        }

        return await PagedList<WebhookDto>.CreateAsync(
            subscriptions.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Select(WebhookAccess.ToDto), query.Page, query.PageSize, cancellationToken);
    }
}

/// <summary>A subscription's deliveries, newest first, each with every attempt and what the receiver answered.</summary>
public sealed record ListWebhookDeliveriesQuery(Guid WebhookId, WebhookDeliveryStatus? Status = null, Guid? ComplaintId = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<WebhookDeliveryDto>>;

public sealed class ListWebhookDeliveriesQueryValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesQueryValidator()
    {
        RuleFor(q => q.WebhookId).NotEmpty();
        RuleFor(q => q.Status).IsInEnum();
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}

public sealed class ListWebhookDeliveriesQueryHandler(IApplicationDbContext db, ICurrentUser user)
    : IQueryHandler<ListWebhookDeliveriesQuery, PagedList<WebhookDeliveryDto>>
{
    public async ValueTask<PagedList<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.VisibleWebhooks(user).AnyAsync(s => s.Id == query.WebhookId, cancellationToken))
        {
            throw new Common.Exceptions.NotFoundException("Webhook", query.WebhookId);
        }

        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == query.WebhookId);
        if (query.Status is { } status)
        {
            deliveries = deliveries.Where(d => d.Status == status);
        }

        if (query.ComplaintId is { } complaintId)
        {
            deliveries = deliveries.Where(d => d.ComplaintId == complaintId);
        }

        var page = await PagedList<WebhookDeliveryDto>.CreateAsync(
            deliveries.OrderByDescending(d => d.MessageId).ThenBy(d => d.Id).Select(d => new WebhookDeliveryDto(
                d.Id, d.EventId, d.EventType, d.ComplaintId, d.Status, d.Attempts, d.NextAttemptAt, d.LastStatusCode, d.LastError,
                d.DeliveredAt, d.DeadAt, d.CreatedAt,
                db.WebhookDeliveryAttempts.Where(a => a.DeliveryId == d.Id).OrderBy(a => a.Id)
                    .Select(a => new WebhookAttemptDto(a.At, a.DurationMs, a.StatusCode, a.Error, a.ResponseBody)).ToList())),
            query.Page, query.PageSize, cancellationToken);
        return user.Kind == CallerKind.Partner ? page.Select(d => d.ForPartner()) : page;
    }
}
