namespace CustomerCare.Application.Common.Exceptions;

/// <summary>
/// Another request changed the same record between this one's read and its write (a stale row version, or two changes
/// appending to one complaint's history at once): this one lost. Answered with 412, as a stale If-Match is.
/// </summary>
public sealed class ConcurrentChangeException(Exception? inner = null)
    : ExplainedException("Read it again and retry with its current ETag.", inner);
