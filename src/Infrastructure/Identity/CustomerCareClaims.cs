using System.Security.Claims;
using System.Text.Json;
using CustomerCare.Domain.Organisation;

namespace CustomerCare.Infrastructure.Identity;

/// <summary>The claims CustomerCare principals carry, whoever authenticated them.</summary>
public static class CustomerCareClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string Kind = "kind";
    public const string Department = "dept";
    public const string Role = "role";
    public const string SecurityStamp = "sstamp";

    public const string StaffKind = "staff";
    public const string PartnerKind = "partner";

    public static IEnumerable<Claim> For(StaffMember staff)
    {
        yield return new Claim(Subject, staff.Id.ToString());
        yield return new Claim(Name, staff.Name);
        yield return new Claim(Email, staff.Email);
        yield return new Claim(Kind, StaffKind);
        yield return new Claim(Department, staff.DepartmentId.ToString());
        yield return new Claim(SecurityStamp, staff.SecurityStamp.ToString());
        foreach (var role in staff.Roles)
        {
            yield return new Claim(Role, RoleName(role));
        }
    }

    /// <summary>The role as it appears in tokens and JSON (camelCase: <c>techSupport</c>).</summary>
    public static string RoleName(Role role) => JsonNamingPolicy.CamelCase.ConvertName(role.ToString());
}
