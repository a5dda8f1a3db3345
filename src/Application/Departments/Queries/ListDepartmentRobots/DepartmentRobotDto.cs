using AutoMapper;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Organisation;

namespace CustomerCare.Application.Departments.Queries.ListDepartmentRobots;

/// <summary>A department's group robot as administrators see it: the address masked, whether it signs, never the secret.</summary>
public sealed record DepartmentRobotDto : IVersioned
{
    public GroupRobotKind Kind { get; init; }

    /// <summary>The webhook address with its key hidden but the last four characters.</summary>
    public string WebhookUrl { get; init; } = string.Empty;

    /// <summary>Whether a signing secret is set (钉钉 "加签").</summary>
    public bool Signed { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Row version; the API sends it as the ETag.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<DepartmentRobot, DepartmentRobotDto>()
            .ForMember(d => d.WebhookUrl, o => o.MapFrom(r => r.MaskedUrl))
            .ForMember(d => d.Signed, o => o.MapFrom(r => r.Secret != null));
    }
}
