using CustomerCare.Domain.Common;

namespace CustomerCare.Application.Common.Exceptions;

/// <summary>
/// An exception the API answers with a text for people: <see cref="Text"/> is said in the caller's language,
/// <see cref="Exception.Message"/> is its English (for logs).
/// </summary>
public abstract class ExplainedException(LocalizableText text, Exception? inner = null) : Exception(text.ToString(), inner)
{
    public LocalizableText Text { get; } = text;
}
