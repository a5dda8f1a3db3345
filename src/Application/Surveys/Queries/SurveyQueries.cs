using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Surveys.Queries;

public sealed record ListSurveysQuery(string? Name, int Page, int PageSize) : IQuery<PagedList<SurveySummaryDto>>;

public sealed class ListSurveysQueryValidator : AbstractValidator<ListSurveysQuery>
{
    public ListSurveysQueryValidator()
    {
        RuleFor(q => q.Name).MaximumLength(Paging.MaxSearchLength);
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}

public sealed class ListSurveysQueryHandler(IApplicationDbContext db) : IQueryHandler<ListSurveysQuery, PagedList<SurveySummaryDto>>
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
            templates.OrderBy(t => t.Name).ThenBy(t => t.Id).Select(t => new SurveySummaryDto(t.Id, t.Name, t.CurrentVersion, t.UpdatedAt)),
            query.Page, query.PageSize, cancellationToken);
    }
}

/// <summary>A template with the questions of its current version, or of the version asked for.</summary>
public sealed record GetSurveyQuery(Guid Id, int? Version) : IQuery<SurveyDto>;

public sealed class GetSurveyQueryValidator : AbstractValidator<GetSurveyQuery>
{
    public GetSurveyQueryValidator()
    {
        RuleFor(q => q.Id).NotEmpty();
        RuleFor(q => q.Version).GreaterThan(0);
    }
}

public sealed class GetSurveyQueryHandler(IApplicationDbContext db) : IQueryHandler<GetSurveyQuery, SurveyDto>
{
    public async ValueTask<SurveyDto> Handle(GetSurveyQuery query, CancellationToken cancellationToken)
    {
        var template = await db.SurveyTemplates.AsNoTracking().Include(t => t.Versions).SingleOrDefaultAsync(t => t.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Survey", query.Id);
        if (query.Version is { } number && template.Versions.All(v => v.Number != number))
        {
            throw new NotFoundException($"Version {number} of survey", query.Id);
        }

        return SurveyDto.From(template, query.Version);
    }
}
