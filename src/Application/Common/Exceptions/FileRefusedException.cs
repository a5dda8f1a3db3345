using CustomerCare.Domain.Common;

namespace CustomerCare.Application.Common.Exceptions;

/// <summary>A file larger than its limit (the file's, or what the complaint may still take). Answered with 413.</summary>
public sealed class FileTooLargeException(LocalizableText message) : ExplainedException(message);

/// <summary>A file of a type not allowed, or whose first bytes are not what its name and type claim. Answered with 415.</summary>
public sealed class UnsupportedFileTypeException(LocalizableText message) : ExplainedException(message);
