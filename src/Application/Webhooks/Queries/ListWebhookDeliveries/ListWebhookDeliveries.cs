using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Webhooks.Queries.GetWebhook;
using CustomerCare.Domain.Webhooks;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Webhooks.Queries.ListWebhookDeliveries;

/// <summary>A subscription's deliveries, newest first, each with every attempt and what the receiver answered.</summary>
public sealed record ListWebhookDeliveriesQuery(Guid WebhookId, WebhookDeliveryStatus? Status = null, Guid? ComplaintId = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<WebhookDeliveryDto>>;

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
        deliveries = deliveries
            .FilterBy(query.Status, status => d => d.Status == status)
            .FilterBy(query.ComplaintId, complaintId => d => d.ComplaintId == complaintId);

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
