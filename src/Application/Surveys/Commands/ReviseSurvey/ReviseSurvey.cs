using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Surveys.Queries.GetSurvey;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Surveys.Commands.ReviseSurvey;

/// <summary>
/// Renames the template and, when the questions changed, adds a version with them: invitations sent from now on ask
/// the new version, those already sent keep theirs.
/// </summary>
public sealed record ReviseSurveyCommand(Guid Id, SurveyInput Input, uint? ExpectedVersion)
    : ICommand<SurveyDto>;

public sealed class ReviseSurveyCommandHandler(IApplicationDbContext db, TimeProvider time, IMapper mapper) : ICommandHandler<ReviseSurveyCommand, SurveyDto>
{
    public async ValueTask<SurveyDto> Handle(ReviseSurveyCommand command, CancellationToken cancellationToken)
    {
        var template = await db.SurveyTemplates.Include(t => t.Versions).SingleOrDefaultAsync(t => t.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Survey", command.Id);
        db.ExpectVersion(template, command.ExpectedVersion);
        template.Revise(command.Input.Name, command.Input.Description, command.Input.Questions.ToQuestions(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<SurveyDto>(template);
    }
}
