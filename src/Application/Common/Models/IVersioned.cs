namespace CustomerCare.Application.Common.Models;

/// <summary>A read model that carries its row version, which the API sends as the ETag.</summary>
public interface IVersioned
{
    uint Version { get; }
}
