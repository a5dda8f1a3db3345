namespace CustomerCare.Application.Common.Models;

/// <summary>
/// Case-insensitive LIKE patterns from user text (compare with the column's lower case): the user's % and _
/// match themselves, not anything.
/// </summary>
public static class Like
{
    public const string Escape = "\\";

    public static string Contains(string text) =>
        "%" + text.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
