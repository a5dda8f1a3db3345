using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Organisation;

namespace CustomerCare.Application.Auth.Queries.GetCurrentUser;

public sealed record CurrentUserDto(
    CallerKind Kind, Guid Id, string Name, string? Email, Guid? DepartmentId, IReadOnlyList<Role> Roles);
