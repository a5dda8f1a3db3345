using System.Text.RegularExpressions;
using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Surveys;

public enum QuestionKind
{
    /// <summary>A score from 1 (worst) to 5 (best).</summary>
    Score5,

    /// <summary>A score from 0 to 10 (the NPS scale).</summary>
    Score10,

    SingleChoice,
    FreeText,
}

/// <summary>
/// One question of a template version. Answers name it by <see cref="Key"/>, which is unique within the version.
/// At most one score question of a version is the overall satisfaction question the analysis correlates with.
/// </summary>
public sealed partial class SurveyQuestion
{
    public const int KeyMaxLength = 40;
    public const int TextMaxLength = 500;
    public const int OptionMaxLength = 200;
    public const int MaxOptions = 20;

    /// <summary>The lowest and highest score any score question takes (0–10; a five-point question takes 1–5).</summary>
    public const int LowestScore = 0;
    public const int HighestScore = 10;

    private SurveyQuestion()
    {
        Key = string.Empty;
        Text = string.Empty;
        Options = [];
    }

    private SurveyQuestion(string key, string text, QuestionKind kind, List<string> options, bool isOverall, bool required)
    {
        Key = key;
        Text = text;
        Kind = kind;
        Options = options;
        IsOverall = isOverall;
        IsRequired = required;
    }

    public string Key { get; private set; }

    public string Text { get; private set; }

    public QuestionKind Kind { get; private set; }

    /// <summary>The choices of a single-choice question (empty otherwise).</summary>
    public List<string> Options { get; private set; }

    public bool IsOverall { get; private set; }

    public bool IsRequired { get; private set; }

    public bool IsScore => Kind is QuestionKind.Score5 or QuestionKind.Score10;

    public int MinScore => Kind == QuestionKind.Score5 ? 1 : 0;

    public int MaxScore => Kind == QuestionKind.Score5 ? 5 : 10;

    public static SurveyQuestion Create(string key, string text, QuestionKind kind, IReadOnlyList<string>? options, bool isOverall, bool required)
    {
        var trimmedKey = key?.Trim() ?? string.Empty;
        if (!KeyPattern().IsMatch(trimmedKey))
        {
            throw new DomainException("survey.questionKey", $"A question key is 1–{KeyMaxLength} letters, digits, '-' or '_', starting with a letter ('{trimmedKey}' is not).");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("survey.questionKind", $"Unknown question kind for '{trimmedKey}'.");
        }

        var cleanOptions = (options ?? []).Select(o => Guard.Text(o, OptionMaxLength, "option")).ToList();
        if (kind == QuestionKind.SingleChoice)
        {
            if (cleanOptions.Count is < 2 or > MaxOptions)
            {
                throw new DomainException("survey.options", $"Single-choice question '{trimmedKey}' needs 2–{MaxOptions} options.");
            }

            if (cleanOptions.Distinct(StringComparer.Ordinal).Count() != cleanOptions.Count)
            {
                throw new DomainException("survey.options", $"The options of '{trimmedKey}' repeat.");
            }
        }
        else if (cleanOptions.Count > 0)
        {
            throw new DomainException("survey.options", $"Only single-choice questions have options ('{trimmedKey}' is {kind}).");
        }

        if (isOverall && kind is not (QuestionKind.Score5 or QuestionKind.Score10))
        {
            throw new DomainException("survey.overall", "The overall satisfaction question must be a score question.");
        }

        return new SurveyQuestion(trimmedKey, Guard.Text(text, TextMaxLength, "text"), kind, cleanOptions, isOverall, required);
    }

    public bool SameAs(SurveyQuestion other) =>
        Key == other.Key && Text == other.Text && Kind == other.Kind && IsOverall == other.IsOverall && IsRequired == other.IsRequired
        && Options.SequenceEqual(other.Options, StringComparer.Ordinal);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,39}$")]
    private static partial Regex KeyPattern();
}
