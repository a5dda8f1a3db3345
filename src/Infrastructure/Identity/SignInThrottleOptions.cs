using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Infrastructure.Identity;

/// <summary>Lockout after failed sign-ins, under <c>CustomerCare:Auth:Lockout</c>.</summary>
public sealed class SignInThrottleOptions
{
    public const string SectionName = "CustomerCare:Auth:Lockout";

    /// <summary>Failures of one account (e-mail) within the window before it is locked.</summary>
    [Range(1, 1000)]
    public int MaxFailuresPerAccount { get; set; } = 5;

    /// <summary>Failures from one client address within the window before it is locked.</summary>
    [Range(1, 100000)]
    public int MaxFailuresPerAddress { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
