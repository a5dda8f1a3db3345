using AutoMapper;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Complaints;

namespace CustomerCare.Application.Causes.Queries.GetCause;

/// <summary>A cause an investigation finds: its code (what investigations store and reports group by), names, whether it may be chosen.</summary>
public sealed record CauseDto : IVersioned
{
    public string Code { get; init; } = string.Empty;

    public string NameEn { get; init; } = string.Empty;

    public string NameZhCn { get; init; } = string.Empty;

    /// <summary>False: retired; investigations that found it keep it, new ones cannot choose it.</summary>
    public bool IsActive { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Row version; the API sends it as the ETag.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<ComplaintCause, CauseDto>();
    }
}
