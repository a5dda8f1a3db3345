using System.Globalization;
using CustomerCare.Application.Common.Interfaces;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using CustomerCare.Application.Complaints;
using Mediator;

namespace CustomerCare.Application.Reports.Queries.GetComplaintHotspots;

/// <summary>
/// The categories, causes and products with most complaints in the period, and those that grew most against the
/// equally long period just before it (with the improvement actions aimed at each category and cause, and whether they
/// worked), and the mass-fault incidents under way in it. Categories and causes are labelled with their names in the caller's language.
/// </summary>
public sealed record GetComplaintHotspotsQuery(DateOnly? From, DateOnly? To, int Top) : IQuery<HotspotsReport>, IReportQuery;

public sealed class GetComplaintHotspotsQueryHandler(ReportScopes scopes, IComplaintStatistics statistics, IApplicationDbContext db, ICurrentUser user)
    : IQueryHandler<GetComplaintHotspotsQuery, HotspotsReport>
{
    public async ValueTask<HotspotsReport> Handle(GetComplaintHotspotsQuery query, CancellationToken cancellationToken)
    {
        var period = await scopes.ResolveAsync(query.From, query.To, cancellationToken);
        var previousTo = period.From.AddDays(-1);
        var previousFrom = period.From.AddDays(-period.Days);
        var previousStart = period.Scope.From - (period.Scope.To - period.Scope.From);
        var total = await statistics.CountAsync(period.Scope, cancellationToken);

        var chinese = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";
        var names = new Dictionary<HotspotDimension, Dictionary<string, string>>
        {
            [HotspotDimension.Category] = await db.ComplaintCategories.AsNoTracking()
                .ToDictionaryAsync(c => c.Code, c => chinese ? c.NameZhCn : c.NameEn, StringComparer.Ordinal, cancellationToken),
            [HotspotDimension.Cause] = await db.ComplaintCauses.AsNoTracking()
                .ToDictionaryAsync(c => c.Code, c => chinese ? c.NameZhCn : c.NameEn, StringComparer.Ordinal, cancellationToken),
        };

        var actions = await db.ImprovementActions.AsNoTracking().Where(a => a.Category != null || a.Cause != null)
            .OrderByDescending(a => a.CreatedAt).Select(a => new { a.Id, a.Title, a.Status, a.DueOn, a.Category, a.Cause }).ToListAsync(cancellationToken);
        IReadOnlyList<HotspotActionDto> ActionsOn(HotspotDimension dimension, string key) => dimension switch
        {
            HotspotDimension.Category => actions.Where(a => a.Category == key).Select(a => new HotspotActionDto(a.Id, a.Title, a.Status, a.DueOn)).ToList(),
            HotspotDimension.Cause => actions.Where(a => a.Cause == key).Select(a => new HotspotActionDto(a.Id, a.Title, a.Status, a.DueOn)).ToList(),
            _ => [],
        };

        async Task<HotspotListDto> ListAsync(HotspotDimension dimension)
        {
            var rows = await statistics.HotspotsAsync(period.Scope, dimension, previousStart, cancellationToken);
            var labels = names.GetValueOrDefault(dimension);
            var spots = rows.Select(r => new HotspotDto(r.Key, labels?.GetValueOrDefault(r.Key) ?? r.Label, r.Current, r.Previous, r.Current - r.Previous,
                r.Previous == 0 ? null : Indicators.Round((double)(r.Current - r.Previous) / r.Previous), Indicators.Ratio(r.Current, total) ?? 0)
            {
                Actions = ActionsOn(dimension, r.Key),
            }).ToList();
            return new HotspotListDto(
                spots.Where(s => s.Count > 0).OrderByDescending(s => s.Count).ThenBy(s => s.Label, StringComparer.Ordinal).Take(query.Top).ToList(),
                spots.Where(s => s.Change > 0).OrderByDescending(s => s.Change).ThenByDescending(s => s.Growth ?? double.MaxValue)
                    .ThenBy(s => s.Label, StringComparer.Ordinal).Take(query.Top).ToList());
        }

        var (start, end) = (period.Scope.From, period.Scope.To);
        var visible = await db.VisibleAsync(user, cancellationToken);
        var incidents = (await db.Incidents.AsNoTracking().Where(i => i.StartedAt < end && (i.EndedAt == null || i.EndedAt >= start))
                .Select(i => new { i.Id, i.Title, i.Cause, i.Status, i.StartedAt, i.EndedAt, Complaints = visible.Count(c => c.IncidentId == i.Id) })
                .OrderByDescending(i => i.Complaints).ThenByDescending(i => i.StartedAt).Take(query.Top).ToListAsync(cancellationToken))
            .Select(i => new HotspotIncidentDto(i.Id, i.Title, i.Cause, names[HotspotDimension.Cause].GetValueOrDefault(i.Cause) ?? i.Cause, i.Status,
                i.StartedAt, i.EndedAt, i.Complaints)).ToList();

        return new HotspotsReport(period.From, period.To, previousFrom, previousTo,
            await ListAsync(HotspotDimension.Category), await ListAsync(HotspotDimension.Cause), await ListAsync(HotspotDimension.Product), incidents);
    }
}
