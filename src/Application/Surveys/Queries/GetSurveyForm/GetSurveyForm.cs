using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Surveys.Queries.GetSurvey;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Surveys.Queries.GetSurveyForm;

/// <summary>Reads the questions behind a link. Records nothing, so that link scanners in mail systems cannot answer for the customer.</summary>
public sealed record GetSurveyFormQuery(string Token) : IQuery<SurveyFormDto>;

public sealed class GetSurveyFormQueryHandler(IApplicationDbContext db, TimeProvider time, IMapper mapper) : IQueryHandler<GetSurveyFormQuery, SurveyFormDto>
{
    public async ValueTask<SurveyFormDto> Handle(GetSurveyFormQuery query, CancellationToken cancellationToken)
    {
        var invitation = await InvitationTokens.FindAsync(db, query.Token, track: false, cancellationToken);
        if (invitation.AnsweredAt is null && invitation.IsExpired(time.GetUtcNow()))
        {
            throw new GoneException($"This survey link expired at {invitation.ExpiresAt:u}.");
        }

        var version = await InvitationTokens.VersionAsync(db, invitation, cancellationToken);
        var survey = await db.SurveyTemplates.AsNoTracking().Where(t => t.Id == invitation.TemplateId)
            .Select(t => new { t.Name, t.Description }).SingleAsync(cancellationToken);
        return new SurveyFormDto(survey.Name, survey.Description, version.Number, mapper.Map<List<QuestionDto>>(version.Questions),
            invitation.ExpiresAt, invitation.AnsweredAt);
    }
}
