using System.Security.Claims;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Organisation;
using CustomerCare.Infrastructure.Identity;

namespace CustomerCare.Api.Infrastructure.Security;

/// <summary>The caller, read once per request from the authenticated principal.</summary>
public sealed class CurrentUser : ICurrentUser
{
    private static readonly Dictionary<string, Role> RolesByName =
        Enum.GetValues<Role>().ToDictionary(CustomerCareClaims.RoleName, r => r, StringComparer.Ordinal);

    public CurrentUser(IHttpContextAccessor accessor)
    {
        var principal = accessor.HttpContext?.User;
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return;
        }

        Kind = principal.FindFirstValue(CustomerCareClaims.Kind) switch
        {
            CustomerCareClaims.StaffKind => CallerKind.Staff,
            CustomerCareClaims.PartnerKind => CallerKind.Partner,
            _ => CallerKind.Anonymous,
        };
        Id = Guid.TryParse(principal.FindFirstValue(CustomerCareClaims.Subject), out var id) ? id : null;
        DepartmentId = Guid.TryParse(principal.FindFirstValue(CustomerCareClaims.Department), out var department) ? department : null;
        Roles = principal.FindAll(CustomerCareClaims.Role)
            .Select(c => RolesByName.TryGetValue(c.Value, out var role) ? role : (Role?)null)
            .OfType<Role>()
            .ToHashSet();
    }

    public CallerKind Kind { get; } = CallerKind.Anonymous;

    public Guid? Id { get; }

    public Guid? DepartmentId { get; }

    public IReadOnlyCollection<Role> Roles { get; } = new HashSet<Role>();

    public bool IsInRole(Role role) => Roles.Contains(role);
}
