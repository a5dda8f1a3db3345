using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Surveys.Queries.GetSurvey;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Surveys.Queries.ListSurveys;

public sealed record ListSurveysQuery(string? Name, int Page, int PageSize) : IQuery<PagedList<SurveySummaryDto>>;

public sealed class ListSurveysQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<ListSurveysQuery, PagedList<SurveySummaryDto>>
{
    public async ValueTask<PagedList<SurveySummaryDto>> Handle(ListSurveysQuery query, CancellationToken cancellationToken)
    {
        var templates = db.SurveyTemplates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var pattern = Like.Contains(query.Name);
            templates = templates.Where(t => EF.Functions.Like(t.Name.ToLower(), pattern, Like.Escape));
        }

        return await PagedList<SurveySummaryDto>.CreateAsync(
            templates.OrderBy(t => t.Name).ThenBy(t => t.Id).ProjectTo<SurveySummaryDto>(mapper.ConfigurationProvider),
            query.Page, query.PageSize, cancellationToken);
    }
}
