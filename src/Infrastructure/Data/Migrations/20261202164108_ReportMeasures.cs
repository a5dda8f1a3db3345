using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_report",
                table: "complaints");

            migrationBuilder.AddColumn<TimeSpan>(
                name: "approval_time",
                table: "complaints",
                type: "interval",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "solution_approved_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "solution_submitted_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "compensation_amount",
                table: "complaints",
                type: "numeric",
                nullable: true,
                computedColumnSql: "(resolution ->> 'CompensationAmount')::numeric",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "compensation_currency",
                table: "complaints",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true,
                computedColumnSql: "(resolution ->> 'CompensationCurrency')",
                stored: true);

            // Solutions submitted and approved before: their times come from the timeline (start-up measures the waits).
            migrationBuilder.Sql(
                """
                UPDATE complaints c SET
                    solution_submitted_at = (SELECT max(t.at) FROM complaint_timeline t WHERE t.complaint_id = c.id AND t.kind = 'SolutionSubmitted'),
                    solution_approved_at = (SELECT max(t.at) FROM complaint_timeline t WHERE t.complaint_id = c.id AND t.kind = 'SolutionApproved')
                WHERE EXISTS (SELECT 1 FROM complaint_timeline t WHERE t.complaint_id = c.id AND t.kind = 'SolutionSubmitted');
                """);

            migrationBuilder.CreateIndex(
                name: "ix_complaints_report",
                table: "complaints",
                column: "received_at")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "category", "channel", "severity", "responsible_department_id", "assignee_id", "product", "reopen_count", "re_complaint_of_id", "first_response_time", "resolution_time", "sla_started", "sla_met", "sla_missed", "satisfaction", "resolved", "cause", "repeat_of_id", "escalation_level", "approval_time", "compensation_amount", "compensation_currency" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_report",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "compensation_amount",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "compensation_currency",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "approval_time",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "solution_approved_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "solution_submitted_at",
                table: "complaints");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_report",
                table: "complaints",
                column: "received_at")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "category", "channel", "severity", "responsible_department_id", "assignee_id", "product", "reopen_count", "re_complaint_of_id", "first_response_time", "resolution_time", "sla_started", "sla_met", "sla_missed", "satisfaction", "resolved", "cause" });
        }
    }
}
