using CustomerCare.Domain.Common;

namespace CustomerCare.Application.Common.Exceptions;

/// <summary>This deployment does not offer the operation (for example sign-in delegated elsewhere). Answered with 404.</summary>
public sealed class FeatureUnavailableException(LocalizableText message) : ExplainedException(message);
