namespace CustomerCare.Application.Common.Exceptions;

/// <summary>The If-Match ETag does not match the resource's current version. Answered with 412.</summary>
public sealed class PreconditionFailedException()
    : ExplainedException("It was changed since you read it: read it again and retry with its current ETag.");
