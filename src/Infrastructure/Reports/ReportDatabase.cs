using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Reports;

/// <summary>
/// A context on the replica's connection (the same model, no tracking, no interceptors: it never saves) when
/// <see cref="ReportReplica"/> finds the replica usable; the request's own context otherwise.
/// </summary>
internal sealed class ReportDatabase(
    CustomerCareDbContext db, ReportReplica replica, IOptions<DatabaseOptions> database)
    : IReportDatabase
{
    public async Task<T> ReadAsync<T>(Func<IApplicationDbContext, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await replica.OpenAsync(cancellationToken);
        if (connection is null)
        {
            return await read(db);
        }

        var options = new DbContextOptionsBuilder<CustomerCareDbContext>()
            .UseNpgsql(connection, npgsql => npgsql.CommandTimeout(database.Value.CommandTimeoutSeconds))
            .UseSnakeCaseNamingConvention()
            .UseModel(db.Model)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .Options;
        await using var onReplica = new CustomerCareDbContext(options);
        return await read(onReplica);
    }
}
