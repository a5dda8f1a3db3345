using CustomerCare.Domain.Common;

namespace CustomerCare.Application.Common.Exceptions;

/// <summary>A change was requested without If-Match. Answered with 428.</summary>
public sealed class PreconditionRequiredException(LocalizableText resource)
    : ExplainedException($"Send If-Match with the {resource}'s current ETag (from GET): changes to it must name the version they were made against.");
