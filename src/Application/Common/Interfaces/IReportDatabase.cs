namespace CustomerCare.Application.Common.Interfaces;

/// <summary>
/// Where heavy reads (reports, the complaint ledger export) run: on the read replica
/// (<c>ConnectionStrings:CustomerCareReports</c>) while it is reachable and caught up, else on the primary.
/// </summary>
public interface IReportDatabase
{
    /// <summary>Runs <paramref name="read"/> (reads only) against the replica when it is usable, else against the request's own context.</summary>
    Task<T> ReadAsync<T>(Func<IApplicationDbContext, Task<T>> read, CancellationToken cancellationToken);
}
