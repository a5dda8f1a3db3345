namespace CustomerCare.Application.Common.Exceptions;

/// <summary>Credentials were not accepted. Answered with 401; the message never says which part was wrong.</summary>
public sealed class AuthenticationFailedException() : ExplainedException("Invalid email or password.");
