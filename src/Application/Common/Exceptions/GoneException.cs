using CustomerCare.Domain.Common;

namespace CustomerCare.Application.Common.Exceptions;

/// <summary>The resource existed but is no longer available (an expired survey link). Answered with 410.</summary>
public sealed class GoneException(LocalizableText message) : ExplainedException(message);
