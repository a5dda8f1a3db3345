namespace CustomerCare.Application.Common.Exceptions;

/// <summary>Another request stored the same unique data at the same moment. Answered with 409 (<c>conflict.concurrent</c>).</summary>
public sealed class ConcurrentDuplicateException(Exception? inner = null)
    : ExplainedException("Another request stored the same data at the same moment. Read the resource again and retry.", inner)
{
    public const string Code = "conflict.concurrent";
}
