namespace CustomerCare.Application.Common.Interfaces;

/// <summary>
/// Counts password guesses per account (the e-mail typed, whether or not it exists), per client address and per
/// password change, shared by every replica, and locks a key out for a while after too many wrong ones.
/// <para>
/// A guess is reserved on every key <em>before</em> the password is checked, in one atomic statement per key, so at
/// most the configured number of guesses per window is ever evaluated, however many arrive at once and on however
/// many replicas: the rest are refused without a hash being computed.
/// </para>
/// </summary>
public interface ISignInThrottle
{
    /// <summary>Reserves one guess on every key: null when it may go ahead, else how long the caller must wait (nothing is then reserved).</summary>
    Task<TimeSpan?> TryReserveAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>The reserved guess was wrong: a key whose guesses reached its limit is locked for the lockout duration.</summary>
    Task RecordFailureAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>The reserved guess was right: the account's count starts again, and the guess is given back to the other keys.</summary>
    Task RecordSuccessAsync(string account, IReadOnlyCollection<string> others, CancellationToken cancellationToken);

    Task ResetAsync(string key, CancellationToken cancellationToken);
}

public static class SignInThrottleKeys
{
    public static string Account(string normalisedEmail) => $"account:{normalisedEmail}";

    public static string Address(string clientAddress) => $"ip:{clientAddress}";

    /// <summary>Guesses of the current password when a signed-in staff member changes theirs (limited like an account).</summary>
    public static string PasswordChange(Guid staffId) => $"password:{staffId}";

    public static bool IsAddress(string key) => key.StartsWith("ip:", StringComparison.Ordinal);
}
