namespace CustomerCare.Application.Common.Exceptions;

/// <summary>A dependency (the database) cannot be reached now; the client should retry later. Answered with 503 and Retry-After.</summary>
public sealed class ServiceUnavailableException(string dependency, Exception? inner = null)
    : Exception($"The {dependency} cannot be reached.", inner)
{
    /// <summary>What could not be reached, for the log (never sent to clients beyond the message).</summary>
    public string Dependency { get; } = dependency;
}
