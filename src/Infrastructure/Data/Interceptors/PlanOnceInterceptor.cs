using System.Data.Common;
using CustomerCare.Application.Common.Models;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerCare.Infrastructure.Data.Interceptors;

/// <summary>
/// Runs a statement tagged <see cref="QueryTags.PlanOnce"/> with PostgreSQL's generic plan: the plan made once for the
/// prepared statement (the connections prepare what they run again, <c>Max Auto Prepare</c>) instead of a plan for each
/// execution's values. PostgreSQL chooses between the two by comparing estimated costs, and for a department's queue
/// the cheap-looking plans of empty queues kept it planning every execution: ~0.3 ms of its CPU per list, more than the
/// statement's execution. <c>plan_cache_mode</c> is set for the tagged statement alone, in the same round trip: it is
/// reset by the statement after it, and both run in the command's one implicit transaction, so a failure rolls the
/// setting back with it and a connection never goes back to the pool with the setting changed.
/// </summary>
public sealed class PlanOnceInterceptor : DbCommandInterceptor
{
    private const string Tag = "-- " + QueryTags.PlanOnce;
    private const string Before = "SET plan_cache_mode = force_generic_plan;\n";
    private const string After = ";\nRESET plan_cache_mode";

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        PlanOnce(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        PlanOnce(command);
        return ValueTask.FromResult(result);
    }

    private static void PlanOnce(DbCommand command)
    {
        if (command.CommandText.StartsWith(Tag, StringComparison.Ordinal))
        {
            command.CommandText = Before + command.CommandText.TrimEnd().TrimEnd(';') + After;
        }
    }
}
