using AutoMapper;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Organisation;

namespace CustomerCare.Application.Departments.Queries.GetDepartment;

public sealed record DepartmentDto : IVersioned
{
    public Guid Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public string Code { get; init; } = string.Empty;

    public Guid? ParentId { get; init; }

    public Guid? SupervisorId { get; init; }

    /// <summary>The business calendar the department works by; its complaints' clocks run on it.</summary>
    public string Calendar { get; init; } = string.Empty;

    public bool IsActive { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Row version; the API sends it as the ETag.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Department, DepartmentDto>()
            .ForMember(d => d.Calendar, o => o.MapFrom(s => s.Calendar ?? Domain.Sla.CalendarNames.Default));
    }
}
