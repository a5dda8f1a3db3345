namespace CustomerCare.Application.Common.Exceptions;

/// <summary>The request holds a value the database cannot take (a NUL character, a number out of range). Answered with 400.</summary>
public sealed class UnstorableValueException(Exception? inner = null)
    : ExplainedException("Remove control characters (such as \\u0000) and out-of-range values, then retry.", inner);
