namespace CustomerCare.Domain.Common;

/// <summary>Argument checks that aggregates use to keep themselves valid whatever the caller did.</summary>
public static class Guard
{
    public static string Text(string? value, int maxLength, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException($"{field}.required", $"{field} is required.");
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{field}.tooLong", $"{field} must be at most {maxLength} characters.");
        }

        return trimmed;
    }
}
