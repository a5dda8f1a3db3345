namespace CustomerCare.Application.Common.Exceptions;

/// <summary>The resource does not exist, or the caller may not know that it exists. Answered with 404.</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string resource, object key)
        : base($"{resource} '{key}' was not found.")
    {
        Resource = resource;
        Key = key.ToString() ?? string.Empty;
    }

    public string Resource { get; }

    public string Key { get; }
}
