using CustomerCare.Domain.Organisation;

namespace CustomerCare.Application.Common.Interfaces;

/// <summary>Who is calling: a staff member, a partner system, or nobody. Handlers use this, never HttpContext.</summary>
public interface ICurrentUser
{
    CallerKind Kind { get; }

    /// <summary>The staff member's or the partner's id.</summary>
    Guid? Id { get; }

    /// <summary>A staff member's department.</summary>
    Guid? DepartmentId { get; }

    IReadOnlyCollection<Role> Roles { get; }

    bool IsInRole(Role role);
}

public enum CallerKind
{
    Anonymous,
    Staff,
    Partner,
}
