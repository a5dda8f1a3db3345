using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerCare.Infrastructure.Data.Interceptors;

/// <summary>
/// In a save asked for in bulk (<see cref="CustomerCareDbContext.SaveChangesInBulkAsync"/>), writes the new rows with COPY
/// (<see cref="NewRowsCopy"/>) once everything else has run: the last of the save interceptors, after the service-level
/// clocks and the domain events' handlers have added what they add. A save given a step before its updates
/// (<see cref="CustomerCareDbContext.BeforeUpdates"/>) runs it after the COPY and copies what it adds; EF Core then writes
/// what is left (updates of stored rows). Every other save is left as it is.
/// </summary>
public sealed class CopyNewRowsInterceptor : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CustomerCareDbContext { CopiedRows: { } copied } context)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            copied.AddRange(await NewRowsCopy.WriteAsync(context, seen, cancellationToken));
            if (context.BeforeUpdates is { } beforeUpdates)
            {
                await beforeUpdates(cancellationToken);
                copied.AddRange(await NewRowsCopy.WriteAsync(context, seen, cancellationToken)); // the entries seen before are not looked at again
            }
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
