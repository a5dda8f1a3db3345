using System.ComponentModel.DataAnnotations;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Surveys;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ValidationException = CustomerCare.Application.Common.Exceptions.ValidationException;

namespace CustomerCare.Application.Surveys.Responses;

/// <summary>What the customer's link shows: the questions of the version they were asked, and whether they answered.</summary>
public sealed record SurveyFormDto(string Survey, string? Description, int SurveyVersion, IReadOnlyList<QuestionDto> Questions, DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt);

public sealed record AnswerInput(
    [property: MaxLength(SurveyQuestion.KeyMaxLength)] string? QuestionKey,
    [property: Range(SurveyQuestion.LowestScore, SurveyQuestion.HighestScore)] int? Score,
    [property: MaxLength(SurveyQuestion.OptionMaxLength)] string? Choice,
    [property: MaxLength(SurveyInvitation.TextAnswerMaxLength)] string? Text);

public static class InvitationTokens
{
    public const int MaxLength = 100;

    public static async Task<SurveyInvitation> FindAsync(IApplicationDbContext db, string token, bool track, CancellationToken ct)
    {
        var hash = SurveyInvitation.HashToken(token);
        var invitations = track ? db.SurveyInvitations.Include(i => i.Answers) : db.SurveyInvitations.AsNoTracking();
        // One answer for every unknown token, so that nothing about other invitations can be learnt.
        return await invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct) ?? throw new NotFoundException("Survey invitation", "(token)");
    }

    public static async Task<SurveyTemplateVersion> VersionAsync(IApplicationDbContext db, SurveyInvitation invitation, CancellationToken ct) =>
        await db.SurveyTemplateVersions.AsNoTracking()
            .SingleAsync(v => v.TemplateId == invitation.TemplateId && v.Number == invitation.TemplateVersion, ct);
}

/// <summary>Reads the questions behind a link. Records nothing, so that link scanners in mail systems cannot answer for the customer.</summary>
public sealed record GetSurveyFormQuery(string Token) : IQuery<SurveyFormDto>;

public sealed class GetSurveyFormQueryValidator : AbstractValidator<GetSurveyFormQuery>
{
    public GetSurveyFormQueryValidator() => RuleFor(q => q.Token).NotEmpty().MaximumLength(InvitationTokens.MaxLength);
}

public sealed class GetSurveyFormQueryHandler(IApplicationDbContext db, TimeProvider time) : IQueryHandler<GetSurveyFormQuery, SurveyFormDto>
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
        return new SurveyFormDto(survey.Name, survey.Description, version.Number, version.Questions.Select(QuestionDto.From).ToList(),
            invitation.ExpiresAt, invitation.AnsweredAt);
    }
}

/// <summary>The customer's answers: accepted once, before the link expires, without signing in.</summary>
public sealed record SubmitSurveyResponseCommand(string Token, IReadOnlyList<AnswerInput> Answers) : ICommand<SurveyFormDto>;

public sealed class SubmitSurveyResponseCommandValidator : AbstractValidator<SubmitSurveyResponseCommand>
{
    public SubmitSurveyResponseCommandValidator()
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(InvitationTokens.MaxLength);
        RuleFor(c => c.Answers).NotEmpty().WithMessage("Answer at least one question.")
            .Must(a => a is null || a.Count <= SurveyTemplate.MaxQuestions)
            .WithMessage($"At most {SurveyTemplate.MaxQuestions} answers.");
        RuleFor(c => c.Answers).Must(a => a is null || a.Where(x => x?.QuestionKey is not null).GroupBy(x => x.QuestionKey).All(g => g.Count() == 1))
            .WithMessage("Answer each question once.");
        RuleForEach(c => c.Answers).NotNull().ChildRules(a =>
        {
            a.RuleFor(x => x.QuestionKey).NotEmpty().MaximumLength(SurveyQuestion.KeyMaxLength);
            a.RuleFor(x => x.Score).InclusiveBetween(SurveyQuestion.LowestScore, SurveyQuestion.HighestScore);
            a.RuleFor(x => x.Choice).MaximumLength(SurveyQuestion.OptionMaxLength);
            a.RuleFor(x => x.Text).MaximumLength(SurveyInvitation.TextAnswerMaxLength);
        });
    }
}

public sealed class SubmitSurveyResponseCommandHandler(IApplicationDbContext db, TimeProvider time) : ICommandHandler<SubmitSurveyResponseCommand, SurveyFormDto>
{
    public async ValueTask<SurveyFormDto> Handle(SubmitSurveyResponseCommand command, CancellationToken cancellationToken)
    {
        var invitation = await InvitationTokens.FindAsync(db, command.Token, track: true, cancellationToken);
        var version = await InvitationTokens.VersionAsync(db, invitation, cancellationToken);
        var answers = command.Answers.ToDictionary(a => a.QuestionKey!, a => new AnswerValue(a.Score, a.Choice, a.Text), StringComparer.Ordinal);
        try
        {
            invitation.Answer(version.Questions, answers, time.GetUtcNow());
        }
        catch (SurveyExpiredException expired)
        {
            throw new GoneException(expired.Message);
        }
        catch (InvalidAnswersException invalid)
        {
            throw new ValidationException(invalid.Errors.Select(e => new FluentValidation.Results.ValidationFailure($"answers.{e.Key}", e.Value)));
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
        return new SurveyFormDto(name.Name, name.Description, version.Number, version.Questions.Select(QuestionDto.From).ToList(),
            invitation.ExpiresAt, invitation.AnsweredAt);
    }
}
