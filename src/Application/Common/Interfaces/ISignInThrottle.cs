namespace CustomerCare.Application.Common.Interfaces;

/// <summary>
/// Counts failed sign-ins per account (the e-mail typed, whether or not it exists) and per client address,
/// shared by every replica, and locks a key out for a while after too many failures.
/// </summary>
public interface ISignInThrottle
{
    /// <summary>How long the caller must still wait, or null when none of the keys is locked.</summary>
    Task<TimeSpan?> GetLockoutAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    Task RecordFailureAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    Task ResetAsync(string key, CancellationToken cancellationToken);
}

public static class SignInThrottleKeys
{
    public static string Account(string normalisedEmail) => $"account:{normalisedEmail}";

    public static string Address(string clientAddress) => $"ip:{clientAddress}";
}
