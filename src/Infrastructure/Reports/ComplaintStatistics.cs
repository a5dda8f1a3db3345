using System.Data.Common;
using System.Text.Json;
using CustomerCare.Application.Complaints;
using CustomerCare.Application.Reports;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Sla;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CustomerCare.Infrastructure.Reports;

/// <summary>
/// The report aggregations in SQL: one pass over the period's complaints (by the received_at index) per report part,
/// grouping sets for the groups and their total, percentile_cont for medians and the 90th percentile. Only whitelisted
/// expressions are ever put into the text; every value is a parameter.
/// </summary>
internal sealed class ComplaintStatistics(CustomerCareDbContext db, ReportReplica replica) : IComplaintStatistics
{
    private const string Closed = nameof(ComplaintStatus.Closed);

    /// <summary>Memory for one report query's sorts and hashes (a quarter of a million complaints sorts in about 30 MB).</summary>
    private const string WorkMemory = "64MB";

    public async Task<IReadOnlyList<IndicatorRow>> IndicatorsAsync(
        ReportScope scope, ReportDimension? groupBy, TrendInterval? interval, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT bucket, {IsTotal(groupBy)}, key, min(label) AS label,
                   count(*)::int,
                   count(*) FILTER (WHERE status <> '{Closed}')::int,
                   count(*) FILTER (WHERE resolved OR reopen_count > 0)::int,
                   count(*) FILTER (WHERE reopen_count > 0)::int,
                   count(*) FILTER (WHERE re_complaint_of_id IS NOT NULL)::int,
                   count(first_response)::int,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response),
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY first_response),
                   count(resolution)::int,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY resolution),
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY resolution),
                   count(*) FILTER (WHERE satisfaction = 1)::int,
                   count(*) FILTER (WHERE satisfaction = 2)::int,
                   count(*) FILTER (WHERE satisfaction = 3)::int,
                   count(*) FILTER (WHERE satisfaction = 4)::int,
                   count(*) FILTER (WHERE satisfaction = 5)::int,
            {ClockCounts},
                   count(*) FILTER (WHERE repeat_of_id IS NOT NULL)::int,
                   count(*) FILTER (WHERE escalation_level > 0)::int,
                   count(approval)::int,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY approval),
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY approval)
            FROM (
                SELECT {Bucket(interval)} AS bucket, {Key(groupBy)} AS key, {Label(groupBy)} AS label, c.status, c.reopen_count,
                       c.resolved, c.re_complaint_of_id,
                       extract(epoch FROM c.first_response_time)::float8 AS first_response,
                       extract(epoch FROM c.resolution_time)::float8 AS resolution,
                       c.satisfaction, c.sla_started, c.sla_met, c.sla_missed, c.repeat_of_id, c.escalation_level,
                       extract(epoch FROM c.approval_time)::float8 AS approval
                {From(groupBy)}
                {Where}
            ) s
            GROUP BY {GroupingSets(groupBy, "bucket", "key")}
            """;
        return await QueryAsync(sql, scope, r => new IndicatorRow(
            Date(r, 0), r.GetBoolean(1), Key(groupBy, r, 2), Text(r, 3) ?? Key(groupBy, r, 2), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8),
            r.GetInt32(9), Number(r, 10), Number(r, 11), r.GetInt32(12), Number(r, 13), Number(r, 14),
            [r.GetInt32(15), r.GetInt32(16), r.GetInt32(17), r.GetInt32(18), r.GetInt32(19)],
            Milestones.Select((m, i) => new MilestoneCounts(m, r.GetInt32(20 + (i * 3)), r.GetInt32(21 + (i * 3)), r.GetInt32(22 + (i * 3))))
                .Where(c => c.Met + c.Missed + c.Pending > 0).ToList(),
            r.GetInt32(AfterClocks), r.GetInt32(AfterClocks + 1), r.GetInt32(AfterClocks + 2), Number(r, AfterClocks + 3), Number(r, AfterClocks + 4)), cancellationToken);
    }

    /// <summary>The first column after the clock counts (three per milestone from column 20).</summary>
    private static readonly int AfterClocks = 20 + (Enum.GetValues<SlaMilestone>().Length * 3);

    public async Task<IReadOnlyList<CompensationRow>> CompensationAsync(
        ReportScope scope, ReportDimension? groupBy, TrendInterval? interval, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT bucket, {IsTotal(groupBy)}, key, currency, sum(amount), count(*)::int
            FROM (
                SELECT {Bucket(interval)} AS bucket, {Key(groupBy)} AS key, coalesce(c.compensation_currency, '') AS currency,
                       c.compensation_amount AS amount
                {From(groupBy)}
                {Where} AND c.compensation_amount IS NOT NULL
            ) s
            GROUP BY {(groupBy is null ? "GROUPING SETS ((bucket, key, currency))" : "GROUPING SETS ((bucket, key, currency), (bucket, currency))")}
            """;
        return await QueryAsync(sql, scope, r => new CompensationRow(
            Date(r, 0), r.GetBoolean(1), Key(groupBy, r, 2), r.GetString(3), r.GetDecimal(4), r.GetInt32(5)), cancellationToken);
    }

    private static readonly SlaMilestone[] Milestones = Enum.GetValues<SlaMilestone>();

    private static int Bit(SlaMilestone milestone) => 1 << (int)milestone;

    /// <summary>
    /// Per milestone, from the clock summary on each complaint (a bit per milestone): met in time, missed, and pending
    /// (started, neither, on an open complaint). No join with the clocks themselves.
    /// </summary>
    private static readonly string ClockCounts = string.Join(",\n", Milestones.Select(m => $"""
                   count(*) FILTER (WHERE sla_met & {Bit(m)} <> 0)::int,
                   count(*) FILTER (WHERE sla_missed & {Bit(m)} <> 0)::int,
                   count(*) FILTER (WHERE sla_started & {Bit(m)} <> 0 AND (sla_met | sla_missed) & {Bit(m)} = 0 AND status <> '{Closed}')::int
        """));

    public async Task<int> CountAsync(ReportScope scope, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT count(*)::int FROM complaints c {Where}", scope, r => r.GetInt32(0), cancellationToken)).Single();

    public async Task<IReadOnlyList<HotspotRow>> HotspotsAsync(
        ReportScope scope, HotspotDimension dimension, DateTimeOffset previousFrom, CancellationToken cancellationToken)
    {
        var value = dimension switch
        {
            HotspotDimension.Category => "c.category",
            HotspotDimension.Cause => "c.cause",
            HotspotDimension.Product => "c.product",
            _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
        };
        const string key = "value";
        var sql = $"""
            SELECT {key}, min(value COLLATE "C"),
                   count(*) FILTER (WHERE received_at >= @from)::int,
                   count(*) FILTER (WHERE received_at < @from)::int
            FROM (
                SELECT btrim({value}) AS value, c.received_at
                FROM complaints c
                WHERE c.received_at >= @previous AND c.received_at < @to AND {Visible}
            ) s
            WHERE value <> ''
            GROUP BY {key}
            """;
        return await QueryAsync(sql, scope, r => new HotspotRow(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3)), cancellationToken,
            new NpgsqlParameter("previous", NpgsqlDbType.TimestampTz) { Value = previousFrom.UtcDateTime });
    }

    /// <summary>The group of open complaints with a solution step past its due time, beside the milestones.</summary>
    private const string OverdueSteps = "SolutionSteps";

    public async Task<IReadOnlyList<OpenBreachRow>> OpenBreachesAsync(ComplaintVisibility visibility, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT department_id, min(name), milestone, count(DISTINCT id)::int
            FROM (
                SELECT c.id, c.responsible_department_id AS department_id, d.name, k.milestone
                FROM complaints c
                JOIN complaint_sla_clocks k ON k.complaint_id = c.id
                LEFT JOIN departments d ON d.id = c.responsible_department_id
                WHERE c.status <> '{Closed}' AND k.met_at IS NULL AND k.paused_at IS NULL AND k.due_at <= @now AND {Visible}
                UNION ALL
                SELECT c.id, c.responsible_department_id, d.name, '{OverdueSteps}'
                FROM complaints c
                LEFT JOIN departments d ON d.id = c.responsible_department_id
                WHERE c.status <> '{Closed}' AND c.next_step_due_at <= @now AND {Visible}
            ) s
            GROUP BY GROUPING SETS ((department_id, milestone), (department_id))
            """;
        var scope = new ReportScope(now, now, "UTC", now, visibility);
        return await QueryAsync(sql, scope, r => new OpenBreachRow(
            r.IsDBNull(0) ? null : r.GetGuid(0), Text(r, 1),
            r.IsDBNull(2) || r.GetString(2) == OverdueSteps ? null : Enum.Parse<SlaMilestone>(r.GetString(2)),
            !r.IsDBNull(2) && r.GetString(2) == OverdueSteps, r.GetInt32(3)),
            cancellationToken);
    }

    public async Task<int> ActiveCustomersAsync(CancellationToken cancellationToken) =>
        await db.Customers.CountAsync(c => c.ErasedAt == null && c.MergedIntoId == null, cancellationToken);

    private const string Where = $"WHERE c.received_at >= @from AND c.received_at < @to AND {Visible}";

    /// <summary>The rule of <c>VisibleComplaints</c>: everything, or the caller's departments, the unrouted and their own.</summary>
    private const string Visible = """
        (@everything OR (@staff IS NOT NULL AND (c.responsible_department_id IS NULL OR c.responsible_department_id = ANY(@departments)
                                                 OR c.first_responder_id = @staff OR c.assignee_id = @staff)))
        """;

    private static string Bucket(TrendInterval? interval) => interval switch
    {
        null => "NULL::date",
        TrendInterval.Day => "(c.received_at AT TIME ZONE @zone)::date",
        TrendInterval.Week => "date_trunc('week', c.received_at AT TIME ZONE @zone)::date",
        TrendInterval.Month => "date_trunc('month', c.received_at AT TIME ZONE @zone)::date",
        _ => throw new ArgumentOutOfRangeException(nameof(interval)),
    };

    private static string Key(ReportDimension? groupBy) => groupBy switch
    {
        null => "NULL::text",
        ReportDimension.Category => "c.category",
        ReportDimension.Channel => "c.channel",
        ReportDimension.Severity => "c.severity",
        ReportDimension.Status => "c.status",
        ReportDimension.Department => "c.responsible_department_id::text",
        ReportDimension.Product => "c.product",
        ReportDimension.Handler => "c.assignee_id::text",
        ReportDimension.Cause => "c.cause",
        _ => throw new ArgumentOutOfRangeException(nameof(groupBy)),
    };

    private static string Label(ReportDimension? groupBy) => groupBy switch
    {
        ReportDimension.Department => "d.name",
        ReportDimension.Handler => "h.name",
        _ => "NULL::text",
    };

    private static string From(ReportDimension? groupBy) => groupBy switch
    {
        ReportDimension.Department => "FROM complaints c LEFT JOIN departments d ON d.id = c.responsible_department_id",
        ReportDimension.Handler => "FROM complaints c LEFT JOIN staff h ON h.id = c.assignee_id",
        _ => "FROM complaints c",
    };

    private static string IsTotal(ReportDimension? groupBy) => groupBy is null ? "true" : "GROUPING(key) = 1";

    /// <summary>A group's key as the API writes it: enum values in camelCase, like the JSON bodies.</summary>
    private static string? Key(ReportDimension? groupBy, DbDataReader reader, int ordinal) =>
        Text(reader, ordinal) is { } key && groupBy is ReportDimension.Channel or ReportDimension.Severity or ReportDimension.Status
            ? JsonNamingPolicy.CamelCase.ConvertName(key)
            : Text(reader, ordinal);

    /// <summary>Per bucket: each group and the total; without a group, the total only.</summary>
    private static string GroupingSets(ReportDimension? groupBy, string bucket, string key) => groupBy is null
        ? $"GROUPING SETS (({bucket}, {key}))"
        : $"GROUPING SETS (({bucket}, {key}), ({bucket}))";

    private async Task<List<T>> QueryAsync<T>(
        string sql, ReportScope scope, Func<DbDataReader, T> read, CancellationToken cancellationToken, params NpgsqlParameter[] extra)
    {
        // On the read replica when one is configured and fresh; else on the primary, through the context's connection.
        var onReplica = await replica.OpenAsync(cancellationToken);
        var connection = onReplica ?? (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = onReplica is null && connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            // A read-only transaction whose sorts (percentiles, grouping sets) get the memory to stay off disk.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var settings = new NpgsqlCommand($"SET TRANSACTION READ ONLY; SET LOCAL work_mem = '{WorkMemory}'", connection, transaction))
            {
                await settings.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = scope.From.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = scope.To.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = scope.Now.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter("zone", NpgsqlDbType.Text) { Value = scope.TimeZoneId });
            command.Parameters.Add(new NpgsqlParameter("everything", NpgsqlDbType.Boolean) { Value = scope.Visibility.Everything });
            command.Parameters.Add(new NpgsqlParameter("staff", NpgsqlDbType.Uuid) { Value = (object?)scope.Visibility.StaffId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("departments", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = scope.Visibility.Departments.ToArray() });
            command.Parameters.AddRange(extra);
            var rows = new List<T>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(read(reader));
                }
            }

            await transaction.CommitAsync(cancellationToken);
            return rows;
        }
        finally
        {
            if (onReplica is not null)
            {
                await onReplica.DisposeAsync();
            }
            else if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static DateOnly? Date(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static double? Number(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
