using CustomerCare.Application.Common.Interfaces;
using Mediator;

namespace CustomerCare.Application.Notifications.Queries.GetNotificationTemplate;

/// <summary>One template in force, with its version for If-Match (0 while it is the shipped one).</summary>
public sealed record GetNotificationTemplateQuery(NotificationTemplateKey Key) : IQuery<NotificationTemplateDto>;

public sealed class GetNotificationTemplateQueryHandler(ISettingsStore store) : IQueryHandler<GetNotificationTemplateQuery, NotificationTemplateDto>
{
    public async ValueTask<NotificationTemplateDto> Handle(GetNotificationTemplateQuery query, CancellationToken cancellationToken)
    {
        var key = query.Key;
        var shipped = DefaultNotificationTemplates.For(key.ParsedEvent, key.ParsedChannel, key.StoredLanguage);
        return await store.GetAsync<StoredNotificationTemplate>(key.StoreKey, cancellationToken) is { } own
            ? NotificationTemplateDto.For(own.Value.Over(shipped), customised: true, own.Version)
            : NotificationTemplateDto.For(shipped, customised: false, 0);
    }
}
