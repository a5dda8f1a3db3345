using System.Globalization;
using System.Text.Json;
using CustomerCare.Application.Common.Localization;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.ReferenceData.Queries.GetReferenceData;

/// <summary>
/// The values clients choose from, with display names: the active categories and causes administrators keep, and the
/// closed sets (channels, scopes, severities, statuses, actions, closing reasons).
/// </summary>
public sealed record GetReferenceDataQuery : IQuery<ReferenceDataDto>;

public sealed class GetReferenceDataQueryHandler(IApplicationDbContext db) : IQueryHandler<GetReferenceDataQuery, ReferenceDataDto>
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public async ValueTask<ReferenceDataDto> Handle(GetReferenceDataQuery query, CancellationToken cancellationToken) =>
        new(
            await db.ComplaintCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Code)
                .Select(c => new LabelDto(c.Code, c.NameEn, c.NameZhCn)).ToListAsync(cancellationToken),
            await db.ComplaintCauses.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Code)
                .Select(c => new LabelDto(c.Code, c.NameEn, c.NameZhCn)).ToListAsync(cancellationToken),
            Labels<Channel>(),
            Labels<ImpactScope>(),
            Labels<Severity>(),
            Labels<ComplaintStatus>(),
            Labels<ComplaintAction>(),
            Labels<ClosingReason>());

    /// <summary>Every value of an enum as the API writes it (camelCase), in declaration order.</summary>
    private static List<LabelDto> Labels<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Select(name => Label(typeof(TEnum).Name, JsonNamingPolicy.CamelCase.ConvertName(name))).ToList();

    private static LabelDto Label(string set, string value) =>
        new(value, Texts.DisplayName(set, value, CultureInfo.InvariantCulture), Texts.DisplayName(set, value, Chinese));
}
