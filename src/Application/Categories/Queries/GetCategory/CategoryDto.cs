using AutoMapper;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Complaints;

namespace CustomerCare.Application.Categories.Queries.GetCategory;

/// <summary>A complaint category: its code (what complaints store), names, the department it routes to, whether it may be chosen.</summary>
public sealed record CategoryDto : IVersioned
{
    public string Code { get; init; } = string.Empty;

    public string NameEn { get; init; } = string.Empty;

    public string NameZhCn { get; init; } = string.Empty;

    /// <summary>The department complaints of this category are routed to when they are registered.</summary>
    public Guid DepartmentId { get; init; }

    /// <summary>False: retired; complaints that have it keep it, new ones cannot choose it.</summary>
    public bool IsActive { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Row version; the API sends it as the ETag.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<ComplaintCategory, CategoryDto>();
    }
}
