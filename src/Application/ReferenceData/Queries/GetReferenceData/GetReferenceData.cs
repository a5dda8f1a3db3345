using System.Globalization;
using System.Text.Json;
using CustomerCare.Application.Common.Localization;
using CustomerCare.Application.Common.Options;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.ReferenceData.Queries.GetReferenceData;

/// <summary>The values of the closed sets (categories, channels, severities, statuses, actions, closing reasons) with display names.</summary>
public sealed record GetReferenceDataQuery : IQuery<ReferenceDataDto>;

public sealed class GetReferenceDataQueryHandler(IOptions<ComplaintOptions> complaints) : IQueryHandler<GetReferenceDataQuery, ReferenceDataDto>
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public ValueTask<ReferenceDataDto> Handle(GetReferenceDataQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ReferenceDataDto(
            complaints.Value.Routing.Keys.Order(StringComparer.Ordinal).Select(c => Label("Category", c)).ToList(),
            Labels<Channel>(),
            Labels<Severity>(),
            Labels<ComplaintStatus>(),
            Labels<ComplaintAction>(),
            Labels<ClosingReason>()));

    /// <summary>Every value of an enum as the API writes it (camelCase), in declaration order.</summary>
    private static List<LabelDto> Labels<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Select(name => Label(typeof(TEnum).Name, JsonNamingPolicy.CamelCase.ConvertName(name))).ToList();

    private static LabelDto Label(string set, string value) =>
        new(value, Texts.DisplayName(set, value, CultureInfo.InvariantCulture), Texts.DisplayName(set, value, Chinese));
}
