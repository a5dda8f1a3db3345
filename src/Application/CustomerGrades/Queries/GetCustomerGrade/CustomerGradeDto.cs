using AutoMapper;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Customers;

namespace CustomerCare.Application.CustomerGrades.Queries.GetCustomerGrade;

/// <summary>A customer grade: its code (what customers store), names, whether its customers are key customers, whether it may be given.</summary>
public sealed record CustomerGradeDto : IVersioned
{
    public string Code { get; init; } = string.Empty;

    public string NameEn { get; init; } = string.Empty;

    public string NameZhCn { get; init; } = string.Empty;

    /// <summary>Customers of this grade are key customers: their complaints run on the key-customer targets.</summary>
    public bool IsKey { get; init; }

    /// <summary>False: retired; customers who have it keep it, no other customer can be given it.</summary>
    public bool IsActive { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Row version; the API sends it as the ETag.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public uint Version { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<CustomerGrade, CustomerGradeDto>();
    }
}
