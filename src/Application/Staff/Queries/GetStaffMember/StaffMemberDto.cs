using AutoMapper;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Organisation;

namespace CustomerCare.Application.Staff.Queries.GetStaffMember;

public sealed record StaffMemberDto : IVersioned
{
    public Guid Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public string Email { get; init; } = string.Empty;

    public Guid DepartmentId { get; init; }

    public IReadOnlyList<Role> Roles { get; init; } = [];

    public bool IsActive { get; init; }

    public DateTimeOffset? LastSignInAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<StaffMember, StaffMemberDto>();
    }
}
