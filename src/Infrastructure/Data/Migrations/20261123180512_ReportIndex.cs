using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_received_at",
                table: "complaints");

            migrationBuilder.AddColumn<int>(
                name: "sla_met",
                table: "complaints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "sla_missed",
                table: "complaints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "sla_started",
                table: "complaints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "resolved",
                table: "complaints",
                type: "boolean",
                nullable: false,
                computedColumnSql: "resolution IS NOT NULL",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "satisfaction",
                table: "complaints",
                type: "integer",
                nullable: true,
                computedColumnSql: "(closing ->> 'Satisfaction')::integer",
                stored: true);

            // The clocks at a glance for the complaints stored so far (bit = 1 << milestone, in SlaMilestone's order).
            migrationBuilder.Sql("""
                UPDATE complaints c SET sla_started = s.started, sla_met = s.met, sla_missed = s.missed
                FROM (
                    SELECT complaint_id, bit_or(bit) AS started,
                           bit_or(CASE WHEN breached_at IS NULL AND met_at <= due_at THEN bit ELSE 0 END) AS met,
                           bit_or(CASE WHEN breached_at IS NOT NULL OR met_at > due_at THEN bit ELSE 0 END) AS missed
                    FROM (SELECT k.*, 1 << CASE k.milestone WHEN 'Registered' THEN 0 WHEN 'Assigned' THEN 1 WHEN 'FirstContact' THEN 2
                                                           WHEN 'SolutionProposed' THEN 3 ELSE 4 END AS bit
                          FROM complaint_sla_clocks k) k
                    GROUP BY complaint_id
                ) s
                WHERE s.complaint_id = c.id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_complaints_report",
                table: "complaints",
                column: "received_at")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "category", "channel", "severity", "responsible_department_id", "assignee_id", "product", "reopen_count", "re_complaint_of_id", "first_response_time", "resolution_time", "sla_started", "sla_met", "sla_missed", "satisfaction", "resolved" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_report",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "resolved",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "satisfaction",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "sla_met",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "sla_missed",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "sla_started",
                table: "complaints");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_received_at",
                table: "complaints",
                column: "received_at");
        }
    }
}
