using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Organisation;

/// <summary>
/// A person who works complaints. Never deleted (they appear in timelines): deactivated instead, which
/// also ends every session they hold.
/// </summary>
public sealed class StaffMember : SwitchableAggregateRoot
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int MaxRoles = 10;

    private List<Role> _roles = [];

    private StaffMember()
    {
        Name = string.Empty;
        Email = string.Empty;
        PasswordHash = string.Empty;
    }

    private StaffMember(Guid id, string name, string email, Guid departmentId, IEnumerable<Role> roles, string passwordHash, DateTimeOffset now)
        : base(id, now)
    {
        Name = name;
        Email = email;
        DepartmentId = departmentId;
        _roles = NormaliseRoles(roles);
        PasswordHash = passwordHash;
        PasswordChangedAt = now;
        SecurityStamp = Guid.NewGuid();
        CreatedAt = now;
    }

    public string Name { get; private set; }

    /// <summary>Lower case; unique among staff.</summary>
    public string Email { get; private set; }

    public Guid DepartmentId { get; private set; }

    public IReadOnlyList<Role> Roles => _roles;

    public string PasswordHash { get; private set; }

    public DateTimeOffset PasswordChangedAt { get; private set; }

    /// <summary>Changes whenever credentials or access change; tokens issued before carry the old one and stop working.</summary>
    public Guid SecurityStamp { get; private set; }

    public DateTimeOffset? LastSignInAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public static StaffMember Create(
        string name, string email, Guid departmentId, IEnumerable<Role> roles, string passwordHash, DateTimeOffset now) =>
        new(Guid.CreateVersion7(), Guard.Text(name, NameMaxLength, "name"), NormaliseEmail(email), departmentId, roles,
            Guard.Text(passwordHash, 1000, "passwordHash"), now);

    public static string NormaliseEmail(string email) => Guard.Text(email, EmailMaxLength, "email").ToLowerInvariant();

    public bool HasRole(Role role) => _roles.Contains(role);

    public void Update(string name, string email, Guid departmentId, IEnumerable<Role> roles, DateTimeOffset now)
    {
        var newRoles = NormaliseRoles(roles);
        if (!newRoles.SequenceEqual(_roles) || departmentId != DepartmentId)
        {
            // Tokens carry roles and department: the old ones must not outlive the change.
            SecurityStamp = Guid.NewGuid();
        }

        Name = Guard.Text(name, NameMaxLength, "name");
        Email = NormaliseEmail(email);
        DepartmentId = departmentId;
        _roles = newRoles;
        UpdatedAt = now;
    }

    public void ChangePassword(string passwordHash, DateTimeOffset now)
    {
        PasswordHash = Guard.Text(passwordHash, 1000, "passwordHash");
        PasswordChangedAt = now;
        SecurityStamp = Guid.NewGuid();
        UpdatedAt = now;
    }

    /// <summary>A stronger hash of the same password (the hasher's parameters were raised); sessions stay valid.</summary>
    public void UpgradePasswordHash(string passwordHash) => PasswordHash = Guard.Text(passwordHash, 1000, "passwordHash");

    public void RecordSignIn(DateTimeOffset now) => LastSignInAt = now;

    /// <summary>A deactivated member's tokens stop working at once.</summary>
    protected override void OnDeactivated() => SecurityStamp = Guid.NewGuid();

    private static List<Role> NormaliseRoles(IEnumerable<Role> roles)
    {
        var list = roles.Distinct().Order().ToList();
        if (list.Count == 0)
        {
            throw new DomainException("roles.required", "A staff member needs at least one role.");
        }

        if (list.Any(r => !Enum.IsDefined(r)))
        {
            throw new DomainException("roles.unknown", "Unknown role.");
        }

        return list;
    }
}
