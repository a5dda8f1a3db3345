using CustomerCare.Domain.Common;

namespace CustomerCare.Application.Common.Exceptions;

/// <summary>The caller must wait before trying again. Answered with 429 and Retry-After.</summary>
public sealed class TooManyRequestsException(TimeSpan retryAfter, LocalizableText message) : ExplainedException(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
