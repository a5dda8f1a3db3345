using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Surveys.Queries.GetSurvey;
using CustomerCare.Domain.Surveys;
using Mediator;

namespace CustomerCare.Application.Surveys.Commands.CreateSurvey;

/// <summary>A new survey template; its questions become version 1.</summary>
public sealed record CreateSurveyCommand(SurveyInput Input) : ICommand<SurveyDto>;

public sealed class CreateSurveyCommandHandler(IApplicationDbContext db, TimeProvider time, IMapper mapper) : ICommandHandler<CreateSurveyCommand, SurveyDto>
{
    public async ValueTask<SurveyDto> Handle(CreateSurveyCommand command, CancellationToken cancellationToken)
    {
        var template = SurveyTemplate.Create(command.Input.Name, command.Input.Description, command.Input.Questions.ToQuestions(), time.GetUtcNow());
        db.SurveyTemplates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<SurveyDto>(template);
    }
}
