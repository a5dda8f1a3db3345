using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Webhooks.Queries.GetWebhook;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Webhooks.Queries.ListWebhooks;

public sealed record ListWebhooksQuery(Guid? PartnerId = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<WebhookDto>>;

public sealed class ListWebhooksQueryHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper) : IQueryHandler<ListWebhooksQuery, PagedList<WebhookDto>>
{
    public async ValueTask<PagedList<WebhookDto>> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        var subscriptions = db.VisibleWebhooks(user).AsNoTracking();
        subscriptions = subscriptions.FilterBy(query.PartnerId, partnerId => s => s.PartnerId == partnerId);

        return await PagedList<WebhookDto>.CreateAsync(
            subscriptions.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ProjectTo<WebhookDto>(mapper.ConfigurationProvider), query.Page, query.PageSize, cancellationToken);
    }
}
