namespace CustomerCare.Infrastructure.Data.Seeding;

/// <summary>What start-up creates on a database that lacks it, under <c>CustomerCare:Bootstrap</c>.</summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "CustomerCare:Bootstrap";

    /// <summary>With <see cref="AdminPassword"/>: the first administrator, created when no active administrator exists.</summary>
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }

    public string AdminName { get; set; } = "Administrator";

    /// <summary>When set, demo staff (an agent, a supervisor and a manager) are created with this password, for trying the API.</summary>
    public string? DemoStaffPassword { get; set; }
}
