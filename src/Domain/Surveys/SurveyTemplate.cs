using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Surveys;

/// <summary>
/// A satisfaction survey: a name and its question sets, versioned. Revising the questions adds a version and never
/// changes an earlier one, so every answer refers to exactly the questions that were asked.
/// </summary>
public sealed class SurveyTemplate : AggregateRoot
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int MaxQuestions = 50;

    private readonly List<SurveyTemplateVersion> _versions = [];

    private SurveyTemplate()
    {
        Name = string.Empty;
    }

    private SurveyTemplate(Guid id, string name, string? description, DateTimeOffset now)
        : base(id)
    {
        Name = Guard.Text(name, NameMaxLength, "name");
        Description = Optional(description);
        CreatedAt = now;
        UpdatedAt = now;
    }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The number of the version new invitations ask.</summary>
    public int CurrentVersion { get; private set; }

    public IReadOnlyList<SurveyTemplateVersion> Versions => _versions.AsReadOnly();

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public SurveyTemplateVersion Current => _versions.Single(v => v.Number == CurrentVersion);

    public static SurveyTemplate Create(string name, string? description, IReadOnlyList<SurveyQuestion> questions, DateTimeOffset now)
    {
        var template = new SurveyTemplate(Guid.CreateVersion7(), name, description, now);
        template.AddVersion(questions, now);
        return template;
    }

    /// <summary>
    /// Renames and, when the questions differ from the current version's, adds a version with them. Returns whether a
    /// version was added.
    /// </summary>
    public bool Revise(string name, string? description, IReadOnlyList<SurveyQuestion> questions, DateTimeOffset now)
    {
        Name = Guard.Text(name, NameMaxLength, "name");
        Description = Optional(description);
        UpdatedAt = now;
        var current = Current.Questions;
        if (current.Count == questions.Count && current.Zip(questions).All(p => p.First.SameAs(p.Second)))
        {
            return false;
        }

        AddVersion(questions, now);
        return true;
    }

    private void AddVersion(IReadOnlyList<SurveyQuestion> questions, DateTimeOffset now)
    {
        if (questions.Count is 0 or > MaxQuestions)
        {
            throw new DomainException("survey.questions", $"A survey asks 1–{MaxQuestions} questions.");
        }

        if (questions.GroupBy(q => q.Key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new DomainException("survey.questionKey", $"Question key '{repeated.Key}' is used twice.");
        }

        if (questions.Count(q => q.IsOverall) > 1)
        {
            throw new DomainException("survey.overall", "At most one question is the overall satisfaction question.");
        }

        CurrentVersion++;
        _versions.Add(new SurveyTemplateVersion(Id, CurrentVersion, questions.ToList(), now));
        UpdatedAt = now;
    }

    private static string? Optional(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Guard.Text(text, DescriptionMaxLength, "description");
}

/// <summary>One frozen set of questions of a template.</summary>
public sealed class SurveyTemplateVersion
{
    private SurveyTemplateVersion()
    {
        Questions = [];
    }

    internal SurveyTemplateVersion(Guid templateId, int number, List<SurveyQuestion> questions, DateTimeOffset createdAt)
    {
        TemplateId = templateId;
        Number = number;
        Questions = questions;
        CreatedAt = createdAt;
    }

    public Guid TemplateId { get; private set; }

    public int Number { get; private set; }

    public List<SurveyQuestion> Questions { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public SurveyQuestion? Overall => Questions.SingleOrDefault(q => q.IsOverall);
}
