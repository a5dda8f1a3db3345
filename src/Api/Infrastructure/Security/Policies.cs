namespace CustomerCare.Api.Infrastructure.Security;

/// <summary>The authorization policies endpoints declare. Every /api/v1 endpoint names exactly one (or allows anonymous).</summary>
public static class Policies
{
    /// <summary>Any active staff member.</summary>
    public const string Staff = "staff";

    /// <summary>Staff with the admin role: staff, departments, partners and settings.</summary>
    public const string Admin = "admin";

    /// <summary>Supervisors, managers and admins: see and reassign across departments.</summary>
    public const string SupervisorOrAbove = "supervisorOrAbove";

    /// <summary>A partner system (API key).</summary>
    public const string Partner = "partner";

    /// <summary>An administrator, or a partner system for its own records (webhook subscriptions).</summary>
    public const string AdminOrPartner = "adminOrPartner";

    /// <summary>Staff or a partner system; handlers restrict partners to their own records.</summary>
    public const string StaffOrPartner = "staffOrPartner";
}
