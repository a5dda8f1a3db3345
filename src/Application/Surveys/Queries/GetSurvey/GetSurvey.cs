using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Mappings;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Surveys.Queries.GetSurvey;

/// <summary>A template with the questions of its current version, or of the version asked for.</summary>
public sealed record GetSurveyQuery(Guid Id, int? Version) : IQuery<SurveyDto>;

public sealed class GetSurveyQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<GetSurveyQuery, SurveyDto>
{
    public async ValueTask<SurveyDto> Handle(GetSurveyQuery query, CancellationToken cancellationToken)
    {
        var template = await db.SurveyTemplates.AsNoTracking().Include(t => t.Versions).SingleOrDefaultAsync(t => t.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Survey", query.Id);
        if (query.Version is { } number && template.Versions.All(v => v.Number != number))
        {
            throw new NotFoundException($"Version {number} of survey", query.Id);
        }

        return query.Version is { } shown
            ? mapper.Map<SurveyDto>(template, (SurveyDto.ShownVersion, shown))
            : mapper.Map<SurveyDto>(template);
    }
}
