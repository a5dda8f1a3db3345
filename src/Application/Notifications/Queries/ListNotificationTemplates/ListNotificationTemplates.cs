using CustomerCare.Application.Common.Interfaces;
using Mediator;

namespace CustomerCare.Application.Notifications.Queries.ListNotificationTemplates;

/// <summary>Every template in force, event by event: the shipped ones and those administrators changed.</summary>
public sealed record ListNotificationTemplatesQuery : IQuery<IReadOnlyList<NotificationTemplateDto>>;

public sealed class ListNotificationTemplatesQueryHandler(ISettingsStore store)
    : IQueryHandler<ListNotificationTemplatesQuery, IReadOnlyList<NotificationTemplateDto>>
{
    public async ValueTask<IReadOnlyList<NotificationTemplateDto>> Handle(ListNotificationTemplatesQuery query, CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync<StoredNotificationTemplate>(StoredNotificationTemplate.Prefix, cancellationToken);
        return DefaultNotificationTemplates.All
            .Select(shipped => stored.TryGetValue(StoredNotificationTemplate.KeyOf(shipped.Event, shipped.Channel, shipped.Language), out var own)
                ? NotificationTemplateDto.For(own.Value.Over(shipped), customised: true, own.Version)
                : NotificationTemplateDto.For(shipped, customised: false, 0))
            .ToList();
    }
}
