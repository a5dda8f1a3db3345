namespace CustomerCare.Application.Common.Interfaces;

/// <summary>
/// The unit of work handlers use: entity sets are added here as aggregates arrive, and one
/// <see cref="SaveChangesAsync"/> per command commits everything it changed.
/// </summary>
public interface IApplicationDbContext
{
    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
