using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Interfaces;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Webhooks.Queries.GetWebhook;

public sealed record GetWebhookQuery(Guid Id) : IQuery<WebhookDto>;

public sealed class GetWebhookQueryHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper) : IQueryHandler<GetWebhookQuery, WebhookDto>
{
    public async ValueTask<WebhookDto> Handle(GetWebhookQuery query, CancellationToken cancellationToken) =>
        await db.VisibleWebhooks(user).AsNoTracking().Where(s => s.Id == query.Id).ProjectTo<WebhookDto>(mapper.ConfigurationProvider).SingleOrDefaultAsync(cancellationToken)
        ?? throw new Common.Exceptions.NotFoundException("Webhook", query.Id);
}
