using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CustomerCare.Infrastructure.Data;

/// <summary>
/// The sixteen migrations written from 2026-11-23 to 2026-12-01 were squashed into one initial migration before the
/// first release. A database they built has the schema the initial migration builds (checked by a test against a dump
/// made with the old chain; only column order and a few column defaults left by AddColumn differ, and EF Core sets
/// those columns itself): its history is rewritten to say so, once, before migrations are applied.
/// </summary>
public static class SquashedMigrations
{
    /// <summary>The squashed chain, oldest first.</summary>
    public static readonly IReadOnlyList<string> OldChain =
    [
        "20261123133038_InitialOrganisation", "20261123135336_Customers", "20261123140342_Complaints",
        "20261123141306_ErasureMayRedactTimeline", "20261123142936_SlaClocks", "20261123143924_Settings", "20261123144421_SlaPause",
        "20261123153547_PartnerIntegration", "20261123162244_SurveysFeedbackCareTasks", "20261123164020_SurveyWaveBatches",
        "20261123170705_ComplaintReportMeasures", "20261123180512_ReportIndex", "20261123184644_DepartmentQueueIndex",
        "20261201223717_PartnerPayloads", "20261201224737_RewardGrantAudit", "20261201231619_IdempotencySubjects",
    ];

    /// <summary>The migration that replaced them.</summary>
    public const string Initial = "20261202005115_Initial";

    /// <summary>
    /// Rewrites the history of a database built by the whole old chain to the initial migration; refuses one built by
    /// part of it (its schema is neither). Serialised by a transaction-level advisory lock, so replicas starting together
    /// do it once. A database without history, or with the new one, is left alone.
    /// </summary>
    public static async Task AdoptAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var old = string.Join(", ", OldChain.Select(id => $"'{id}'"));
        var sql = $$"""
            DO $adopt$
            BEGIN
                PERFORM pg_advisory_xact_lock(727274001);
                -- Separate statements: PL/pgSQL plans each when it first runs, so no query names a missing table.
                IF to_regclass('public."__EFMigrationsHistory"') IS NULL THEN
                    RETURN;
                END IF;
                IF EXISTS (SELECT 1 FROM "__EFMigrationsHistory" WHERE migration_id = '{{Initial}}')
                   OR NOT EXISTS (SELECT 1 FROM "__EFMigrationsHistory" WHERE migration_id IN ({{old}})) THEN
                    RETURN;
                END IF;
                IF NOT EXISTS (SELECT 1 FROM "__EFMigrationsHistory" WHERE migration_id = '{{OldChain[^1]}}') THEN
                    RAISE EXCEPTION 'This database was built by part of the migration chain squashed on 2026-12-02 (it lacks {{OldChain[^1]}}): create it anew.';
                END IF;
                DELETE FROM "__EFMigrationsHistory" WHERE migration_id IN ({{old}});
                INSERT INTO "__EFMigrationsHistory" (migration_id, product_version) VALUES ('{{Initial}}', '{{ProductInfo.GetVersion()}}');
            END
            $adopt$;
            """;
        await database.ExecuteSqlRawAsync(sql, cancellationToken);
    }
}
