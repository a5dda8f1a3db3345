using System.Security.Cryptography;
using System.Text;
using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Surveys;

/// <summary>
/// One customer asked one template version, through a link whose token is unguessable (256 random bits) and found by
/// its hash. The customer answers once, before the link expires. What analysis breaks answers down by is copied in
/// when the invitation is made (the customer's segment then; for a post-closure survey the complaint's channel,
/// product, first responder and whether every service-level target was met), so later changes do not rewrite history.
/// </summary>
public sealed class SurveyInvitation : AggregateRoot
{
    public const int TextAnswerMaxLength = 2000;

    private readonly List<SurveyAnswer> _answers = [];

    private SurveyInvitation()
    {
        Token = string.Empty;
        TokenHash = string.Empty;
        Segment = string.Empty;
    }

    private SurveyInvitation(Guid id, SurveyCampaign campaign, int templateVersion, int wave, InvitationSubject subject, string token, DateTimeOffset now)
        : base(id)
    {
        CampaignId = campaign.Id;
        TemplateId = campaign.TemplateId;
        TemplateVersion = templateVersion;
        Wave = wave;
        CustomerId = subject.CustomerId;
        Segment = subject.Segment;
        ComplaintId = subject.ComplaintId;
        FirstResponderId = subject.FirstResponderId;
        Channel = subject.Channel ?? campaign.Channel;
        Product = subject.Product ?? campaign.Product;
        SlaMet = subject.SlaMet;
        Token = token;
        TokenHash = HashToken(token);
        CreatedAt = now;
        ExpiresAt = campaign.ExpiryFor(now);
        Raise(new SurveyInvitationIssued(id, CustomerId, ComplaintId, ExpiresAt, now));
    }

    public Guid CampaignId { get; private set; }

    public Guid TemplateId { get; private set; }

    /// <summary>The number of the template version asked.</summary>
    public int TemplateVersion { get; private set; }

    /// <summary>The campaign's wave (0 for a post-closure invitation).</summary>
    public int Wave { get; private set; }

    public Guid CustomerId { get; private set; }

    public string Segment { get; private set; }

    public Guid? ComplaintId { get; private set; }

    public Guid? FirstResponderId { get; private set; }

    public Channel Channel { get; private set; }

    public string? Product { get; private set; }

    public bool? SlaMet { get; private set; }

    /// <summary>The link's secret (encrypted at rest; only its hash is searched).</summary>
    public string Token { get; private set; }

    public string TokenHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<SurveyAnswer> Answers => _answers.AsReadOnly();

    public static SurveyInvitation Create(SurveyCampaign campaign, int templateVersion, int wave, InvitationSubject subject, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), campaign, templateVersion, wave, subject, NewToken(), now);

    /// <summary>43 characters of URL-safe base64: 256 random bits.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>Records the customer's answers to <paramref name="questions"/> (the version asked); once only, before expiry.</summary>
    public void Answer(IReadOnlyList<SurveyQuestion> questions, IReadOnlyDictionary<string, AnswerValue> answers, DateTimeOffset now)
    {
        if (AnsweredAt is not null)
        {
            throw new DomainException("survey.alreadyAnswered", "This survey was already answered; answers cannot be changed.");
        }

        if (IsExpired(now))
        {
            throw new SurveyExpiredException(ExpiresAt);
        }

        var byKey = questions.ToDictionary(q => q.Key, StringComparer.Ordinal);
        var errors = new Dictionary<string, LocalizableText>(StringComparer.Ordinal);
        foreach (var key in answers.Keys.Where(k => !byKey.ContainsKey(k)))
        {
            errors[key] = "This survey has no such question.";
        }

        foreach (var question in questions)
        {
            if (!answers.TryGetValue(question.Key, out var value) || value.IsEmpty)
            {
                if (question.IsRequired)
                {
                    errors[question.Key] = "An answer is required.";
                }

                continue;
            }

            if (Check(question, value) is { } problem)
            {
                errors[question.Key] = problem;
            }
            else
            {
                _answers.Add(new SurveyAnswer(Id, question.Key, value.Score, value.Choice?.Trim(), value.Text?.Trim()));
            }
        }

        if (errors.Count > 0)
        {
            _answers.Clear();
            throw new InvalidAnswersException(errors);
        }

        AnsweredAt = now;
    }

    private static LocalizableText? Check(SurveyQuestion question, AnswerValue value)
    {
        // Statements, not a switch expression: its arms would be typed string, and the values lost for translation.
        switch (question.Kind)
        {
            case QuestionKind.Score5 or QuestionKind.Score10 when value.Score is null || value.Choice is not null || value.Text is not null:
                return $"Answer with a score from {question.MinScore} to {question.MaxScore}.";
            case QuestionKind.Score5 or QuestionKind.Score10 when value.Score < question.MinScore || value.Score > question.MaxScore:
                return $"The score must be from {question.MinScore} to {question.MaxScore}.";
            case QuestionKind.SingleChoice when value.Choice is null || value.Score is not null || value.Text is not null:
                return "Answer with one of the options.";
            case QuestionKind.SingleChoice when !question.Options.Contains(value.Choice!.Trim(), StringComparer.Ordinal):
                return $"Choose one of: {question.Options}.";
            case QuestionKind.FreeText when value.Text is null || value.Score is not null || value.Choice is not null:
                return "Answer with text.";
            case QuestionKind.FreeText when value.Text!.Trim().Length > TextAnswerMaxLength:
                return $"At most {TextAnswerMaxLength} characters.";
            default:
                return null;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>One answer: a score, a choice or a text, depending on the question's kind.</summary>
public sealed class SurveyAnswer
{
    private SurveyAnswer()
    {
        QuestionKey = string.Empty;
    }

    internal SurveyAnswer(Guid invitationId, string questionKey, int? score, string? choice, string? text)
    {
        InvitationId = invitationId;
        QuestionKey = questionKey;
        Score = score;
        Choice = choice;
        Text = text;
    }

    public Guid InvitationId { get; private set; }

    public string QuestionKey { get; private set; }

    public int? Score { get; private set; }

    public string? Choice { get; private set; }

    public string? Text { get; private set; }
}

/// <summary>What the customer sent for one question.</summary>
public sealed record AnswerValue(int? Score, string? Choice, string? Text)
{
    public bool IsEmpty => Score is null && string.IsNullOrWhiteSpace(Choice) && string.IsNullOrWhiteSpace(Text);
}

/// <summary>What an invitation is about and whom it asks.</summary>
public sealed record InvitationSubject(
    Guid CustomerId, string Segment, Guid? ComplaintId = null, Guid? FirstResponderId = null, Channel? Channel = null, string? Product = null, bool? SlaMet = null);

/// <summary>An invitation was made: the customer is to be sent its link.</summary>
public sealed record SurveyInvitationIssued(Guid InvitationId, Guid CustomerId, Guid? ComplaintId, DateTimeOffset ExpiresAt, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The link is past its expiry (the API answers 410 Gone).</summary>
public sealed class SurveyExpiredException(DateTimeOffset expiredAt)
    : DomainException("survey.expired", $"This survey link expired at {expiredAt:u}.")
{
    public DateTimeOffset ExpiredAt { get; } = expiredAt;
}

/// <summary>Answers that do not fit the questions, by question key (the API answers 400 with field errors).</summary>
public sealed class InvalidAnswersException(IReadOnlyDictionary<string, LocalizableText> errors)
    : DomainException("survey.invalidAnswers", "Some answers do not fit their questions.")
{
    public IReadOnlyDictionary<string, LocalizableText> Errors { get; } = errors;
}
