using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Localization;
using CustomerCare.Application.Surveys.Queries.GetSurvey;
using CustomerCare.Application.Surveys.Queries.GetSurveyForm;
using CustomerCare.Domain.Surveys;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ValidationException = CustomerCare.Application.Common.Exceptions.ValidationException;

namespace CustomerCare.Application.Surveys.Commands.SubmitSurveyResponse;

public sealed record AnswerInput(string? QuestionKey, int? Score, string? Choice, string? Text);

/// <summary>The customer's answers: accepted once, before the link expires, without signing in.</summary>
/// <summary>The customer's answers.</summary>
public sealed record SubmitSurveyResponseInput(
    IReadOnlyList<AnswerInput> Answers);

public sealed record SubmitSurveyResponseCommand(string Token, SubmitSurveyResponseInput Input) : ICommand<SurveyFormDto>;

public sealed class SubmitSurveyResponseCommandHandler(IApplicationDbContext db, TimeProvider time, IMapper mapper) : ICommandHandler<SubmitSurveyResponseCommand, SurveyFormDto>
{
    public async ValueTask<SurveyFormDto> Handle(SubmitSurveyResponseCommand command, CancellationToken cancellationToken)
    {
        var invitation = await InvitationTokens.FindAsync(db, command.Token, track: true, cancellationToken);
        var version = await InvitationTokens.VersionAsync(db, invitation, cancellationToken);
        var answers = command.Input.Answers.ToDictionary(a => a.QuestionKey!, a => new AnswerValue(a.Score, a.Choice, a.Text), StringComparer.Ordinal);
        try
        {
            invitation.Answer(version.Questions, answers, time.GetUtcNow());
        }
        catch (SurveyExpiredException expired)
        {
            throw new GoneException(expired.Text);
        }
        catch (InvalidAnswersException invalid)
        {
            throw new ValidationException(invalid.Errors.Select(e => new FluentValidation.Results.ValidationFailure($"answers.{e.Key}", Texts.Say(e.Value))));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two submissions at once: the row version lets one win; the other is a second submission.
            throw new Domain.Common.DomainException("survey.alreadyAnswered", "This survey was already answered; answers cannot be changed.");
        }

        var name = await db.SurveyTemplates.Where(t => t.Id == invitation.TemplateId).Select(t => new { t.Name, t.Description }).SingleAsync(cancellationToken);
        return new SurveyFormDto(name.Name, name.Description, version.Number, mapper.Map<List<QuestionDto>>(version.Questions),
            invitation.ExpiresAt, invitation.AnsweredAt);
    }
}
