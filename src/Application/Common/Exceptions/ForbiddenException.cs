using CustomerCare.Domain.Common;

namespace CustomerCare.Application.Common.Exceptions;

/// <summary>The caller may see the resource but lacks the authority for this change (a grant above their limit). Answered with 403.</summary>
public sealed class ForbiddenException(LocalizableText message) : ExplainedException(message);
