using CustomerCare.Domain.Common;

namespace CustomerCare.Application.Common.Exceptions;

/// <summary>The resource does not exist, or the caller may not know that it exists. Answered with 404.</summary>
public sealed class NotFoundException : ExplainedException
{
    public NotFoundException(LocalizableText resource, object key)
        : base(WasNotFound(resource, key))
    {
        Resource = resource.ToString();
        Key = key.ToString() ?? string.Empty;
    }

    public string Resource { get; }

    public string Key { get; }

    private static LocalizableText WasNotFound(LocalizableText resource, object key) => $"{resource} '{key.ToString() ?? string.Empty}' was not found.";
}
