using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SlaTargetBasis : Migration
    {
        /// <summary>Stored targets (strings of working time) become targets with a basis; see <see cref="Up"/>.</summary>
        public const string ConvertStoredTargets = """
                UPDATE settings s SET value = jsonb_set(s.value, '{targets}', (
                    SELECT jsonb_object_agg(sev.key,
                        (SELECT coalesce(jsonb_object_agg(ms.key,
                            CASE
                                WHEN jsonb_typeof(ms.value) <> 'string' THEN ms.value
                                WHEN ms.key = 'firstContact' AND ms.value #>> '{}' = 'P1D' THEN '{"duration":"PT24H","basis":"calendar"}'::jsonb
                                ELSE jsonb_build_object('duration', ms.value #>> '{}', 'basis', 'working')
                            END), '{}'::jsonb)
                         FROM jsonb_each(sev.value) ms)
                        || CASE WHEN sev.value ? 'resolution' THEN '{}'::jsonb
                                ELSE jsonb_build_object('resolution', jsonb_build_object('duration', CASE WHEN sev.key = 'major' THEN 'P8D' ELSE 'P6D' END, 'basis', 'working'))
                           END)
                    FROM jsonb_each(s.value -> 'targets') sev
                    WHERE jsonb_typeof(sev.value) = 'object'))
                WHERE s.key = 'slaPolicies' AND jsonb_typeof(s.value -> 'targets') = 'object'
                  AND EXISTS (SELECT 1 FROM jsonb_each(s.value -> 'targets') x WHERE jsonb_typeof(x.value) = 'object');
                """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "basis",
                table: "complaint_sla_clocks",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Working");

            // Stored targets were working durations (strings); each now states its basis. They keep their meaning, except
            // the first-contact target as shipped before ("P1D", one working day), which was the bent reading of "within
            // 24 hours" and becomes 24 hours of calendar time. The new end-to-end target is added with its defaults.
            // Unmet clocks follow from the next SLA scan, which recomputes every open complaint when the schedule changes.
            migrationBuilder.Sql(ConvertStoredTargets);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE settings s SET value = jsonb_set(s.value, '{targets}', (
                    SELECT jsonb_object_agg(sev.key, (
                        SELECT coalesce(jsonb_object_agg(ms.key, CASE WHEN jsonb_typeof(ms.value) = 'object' THEN ms.value -> 'duration' ELSE ms.value END), '{}'::jsonb)
                        FROM jsonb_each(sev.value) ms WHERE ms.key <> 'resolution'))
                    FROM jsonb_each(s.value -> 'targets') sev
                    WHERE jsonb_typeof(sev.value) = 'object'))
                WHERE s.key = 'slaPolicies' AND jsonb_typeof(s.value -> 'targets') = 'object'
                  AND EXISTS (SELECT 1 FROM jsonb_each(s.value -> 'targets') x WHERE jsonb_typeof(x.value) = 'object');
                """);

            migrationBuilder.DropColumn(
                name: "basis",
                table: "complaint_sla_clocks");
        }
    }
}
