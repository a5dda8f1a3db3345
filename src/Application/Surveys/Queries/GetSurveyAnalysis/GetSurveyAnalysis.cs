using System.Linq.Expressions;
using System.Text.Json;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Surveys;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Surveys.Queries.GetSurveyAnalysis;

/// <summary>
/// What one version of a survey found: response rate; per question count, mean, sample standard deviation and
/// distribution; the Pearson correlation of each score question with the overall satisfaction question (the key
/// drivers, strongest first); and the overall question's mean by customer segment, channel, product, first responder
/// and kept service levels, each with its difference from the overall mean. Every figure is aggregated by the database;
/// no answer is loaded into memory.
/// </summary>
public sealed record GetSurveyAnalysisQuery(Guid Id, int? Version, Guid? CampaignId, DateTimeOffset? From, DateTimeOffset? To) : IQuery<SurveyAnalysisDto>;

public sealed class GetSurveyAnalysisQueryHandler(IApplicationDbContext db, TimeProvider time) : IQueryHandler<GetSurveyAnalysisQuery, SurveyAnalysisDto>
{
    private const int Digits = 4;

    public async ValueTask<SurveyAnalysisDto> Handle(GetSurveyAnalysisQuery query, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var template = await db.SurveyTemplates.AsNoTracking().Where(t => t.Id == query.Id)
            .Select(t => new { t.Name, t.CurrentVersion }).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Survey", query.Id);
        var number = query.Version ?? template.CurrentVersion;
        var version = await db.SurveyTemplateVersions.AsNoTracking().SingleOrDefaultAsync(v => v.TemplateId == query.Id && v.Number == number, ct)
            ?? throw new NotFoundException($"Version {number} of survey", query.Id);

        var invitations = db.SurveyInvitations.AsNoTracking().Where(i => i.TemplateId == query.Id && i.TemplateVersion == number);
        invitations = invitations
            .FilterBy(query.CampaignId, campaignId => i => i.CampaignId == campaignId)
            .FilterBy(query.From, from => i => i.CreatedAt >= from)
            .FilterBy(query.To, to => i => i.CreatedAt < to);

        var now = time.GetUtcNow();
        var rate = await invitations.GroupBy(_ => 1).Select(g => new
        {
            Invited = g.Count(),
            Answered = g.Count(i => i.AnsweredAt != null),
            Expired = g.Count(i => i.AnsweredAt == null && i.ExpiresAt <= now),
        }).SingleOrDefaultAsync(ct);

        var answers = db.SurveyAnswers.AsNoTracking().Where(a => invitations.Any(i => i.Id == a.InvitationId));
        var scores = answers.Where(a => a.Score != null);
        var moments = await scores.GroupBy(a => a.QuestionKey)
            .Select(g => new { g.Key, Moments = new Moments(g.Count(), g.Sum(a => (double)a.Score!.Value), g.Sum(a => (double)a.Score!.Value * a.Score!.Value)) })
            .ToDictionaryAsync(x => x.Key, x => x.Moments, ct);
        var scoreCounts = await scores.GroupBy(a => new { a.QuestionKey, a.Score })
            .Select(g => new { g.Key.QuestionKey, Value = g.Key.Score!.Value.ToString(), Count = g.Count() }).ToListAsync(ct);
        var choiceCounts = await answers.Where(a => a.Choice != null).GroupBy(a => new { a.QuestionKey, a.Choice })
            .Select(g => new { g.Key.QuestionKey, Value = g.Key.Choice!, Count = g.Count() }).ToListAsync(ct);
        var textCounts = await answers.Where(a => a.Text != null).GroupBy(a => a.QuestionKey)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var distributions = scoreCounts.Concat(choiceCounts).ToLookup(x => x.QuestionKey, x => (x.Value, x.Count));

        var questions = version.Questions.Select(q =>
        {
            var m = moments.GetValueOrDefault(q.Key);
            var count = q.Kind switch
            {
                QuestionKind.FreeText => textCounts.GetValueOrDefault(q.Key),
                QuestionKind.SingleChoice => distributions[q.Key].Sum(d => d.Count),
                _ => m?.N ?? 0,
            };
            var values = q.Kind switch
            {
                QuestionKind.FreeText => [],
                QuestionKind.SingleChoice => q.Options,
                _ => Enumerable.Range(q.MinScore, q.MaxScore - q.MinScore + 1).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            };
            var observed = distributions[q.Key].ToDictionary(d => d.Value, d => d.Count, StringComparer.Ordinal);
            var buckets = values.Select(v => new DistributionBucketDto(v, observed.GetValueOrDefault(v),
                count == 0 ? 0 : Math.Round((double)observed.GetValueOrDefault(v) / count, Digits))).ToList();
            return new QuestionStatsDto(q.Key, q.Text, q.Kind, q.IsOverall, count, Round(m?.Mean), Round(m?.StandardDeviation), buckets);
        }).ToList();

        var overall = version.Overall;
        var drivers = new List<KeyDriverDto>();
        var breakdowns = new SurveyBreakdownsDto([], [], [], [], []);
        if (overall is not null)
        {
            var key = overall.Key;
            var overallAnswers = scores.Where(o => o.QuestionKey == key);
            var pairs = await scores.Where(a => a.QuestionKey != key)
                .Join(overallAnswers, a => a.InvitationId, o => o.InvitationId, (a, o) => new { a.QuestionKey, X = (double)a.Score!.Value, Y = (double)o.Score!.Value })
                .GroupBy(p => p.QuestionKey)
                .Select(g => new
                {
                    g.Key,
                    N = g.Count(),
                    Sx = g.Sum(p => p.X),
                    Sy = g.Sum(p => p.Y),
                    Sxy = g.Sum(p => p.X * p.Y),
                    Sxx = g.Sum(p => p.X * p.X),
                    Syy = g.Sum(p => p.Y * p.Y),
                })
                .ToDictionaryAsync(x => x.Key, ct);
            drivers = version.Questions.Where(q => q.IsScore && !q.IsOverall).Select(q => pairs.TryGetValue(q.Key, out var p)
                    ? new KeyDriverDto(q.Key, q.Text, p.N, Round(Pearson(p.N, p.Sx, p.Sy, p.Sxy, p.Sxx, p.Syy)))
                    : new KeyDriverDto(q.Key, q.Text, 0, null))
                .OrderByDescending(d => d.Correlation ?? double.MinValue).ThenBy(d => d.QuestionKey, StringComparer.Ordinal).ToList();

            var overallMean = moments.GetValueOrDefault(key)?.Mean ?? 0;
            var scored = overallAnswers.Join(invitations, o => o.InvitationId, i => i.Id, (o, i) => new ScoredAnswer
            {
                Score = (double)o.Score!.Value, Segment = i.Segment, Channel = i.Channel, Product = i.Product, FirstResponderId = i.FirstResponderId, SlaMet = i.SlaMet,
            });
            var bySegment = await MomentsByAsync(scored, x => x.Segment, ct);
            var byChannel = await MomentsByAsync(scored, x => x.Channel, ct);
            var byProduct = await MomentsByAsync(scored.Where(x => x.Product != null), x => x.Product!, ct);
            var byResponder = await MomentsByAsync(scored.Where(x => x.FirstResponderId != null), x => x.FirstResponderId!.Value, ct);
            var bySla = await MomentsByAsync(scored.Where(x => x.SlaMet != null), x => x.SlaMet!.Value, ct);
            var responderIds = byResponder.Select(r => r.Key).ToList();
            var names = await db.Staff.AsNoTracking().Where(s => responderIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);

            breakdowns = new SurveyBreakdownsDto(
                Groups(bySegment.Select(x => (x.Key, (string?)null, x.M)), overallMean),
                Groups(byChannel.Select(x => (JsonNamingPolicy.CamelCase.ConvertName(x.Key.ToString()), (string?)null, x.M)), overallMean),
                Groups(byProduct.Select(x => (x.Key, (string?)null, x.M)), overallMean),
                Groups(byResponder.Select(x => (x.Key.ToString(), names.GetValueOrDefault(x.Key), x.M)), overallMean),
                Groups(bySla.Select(x => (x.Key ? "met" : "missed", (string?)null, x.M)), overallMean));
        }

        var invited = rate?.Invited ?? 0;
        var answered = rate?.Answered ?? 0;
        return new SurveyAnalysisDto(query.Id, template.Name, number, query.CampaignId, query.From, query.To,
            new ResponseRateDto(invited, answered, rate?.Expired ?? 0, invited == 0 ? null : Math.Round((double)answered / invited, Digits)),
            overall?.Key, questions, drivers, breakdowns);
    }

    /// <summary>The overall question's moments per group, summed by the database.</summary>
    private static async Task<List<(TKey Key, Moments M)>> MomentsByAsync<TKey>(
        IQueryable<ScoredAnswer> scored, Expression<Func<ScoredAnswer, TKey>> key, CancellationToken ct)
    {
        var groups = await scored.GroupBy(key)
            .Select(g => new { g.Key, N = g.Count(), Sum = g.Sum(x => x.Score), Squares = g.Sum(x => x.Score * x.Score) })
            .ToListAsync(ct);
        return groups.Select(g => (g.Key, new Moments(g.N, g.Sum, g.Squares))).ToList();
    }

    /// <summary>Pearson's r from sums; null when fewer than three pairs or either side has no variance.</summary>
    public static double? Pearson(int n, double sx, double sy, double sxy, double sxx, double syy)
    {
        if (n < 3)
        {
            return null;
        }

        var covariance = (n * sxy) - (sx * sy);
        var varianceX = (n * sxx) - (sx * sx);
        var varianceY = (n * syy) - (sy * sy);
        return varianceX <= 0 || varianceY <= 0 ? null : Math.Clamp(covariance / Math.Sqrt(varianceX * varianceY), -1, 1);
    }

    private static List<GroupStatsDto> Groups(IEnumerable<(string Key, string? Label, Moments M)> groups, double overallMean) =>
        groups.OrderByDescending(g => g.M.N).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupStatsDto(g.Key, g.Label, g.M.N, Round(g.M.Mean)!.Value, Round(g.M.StandardDeviation), Round(g.M.Mean - overallMean)!.Value))
            .ToList();

    private static double? Round(double? value) => value is { } v ? Math.Round(v, Digits) : null;
}

/// <summary>An answer to the overall question with what the invitation breaks it down by.</summary>
internal sealed class ScoredAnswer
{
    public double Score { get; init; }

    public string Segment { get; init; } = string.Empty;

    public Domain.Common.Channel Channel { get; init; }

    public string? Product { get; init; }

    public Guid? FirstResponderId { get; init; }

    public bool? SlaMet { get; init; }
}

/// <summary>Count, sum and sum of squares of scores, as the database adds them up; mean and sample standard deviation from them.</summary>
public sealed record Moments(int N, double Sum, double SumOfSquares)
{
    public double? Mean => N == 0 ? null : Sum / N;

    public double? StandardDeviation => N < 2 ? null : Math.Sqrt(Math.Max(0, (SumOfSquares - (Sum * Sum / N)) / (N - 1)));
}
