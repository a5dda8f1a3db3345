using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SolutionStepsDue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_step_due_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_complaints_next_step_due_at",
                table: "complaints",
                column: "next_step_due_at",
                filter: "next_step_due_at IS NOT NULL");

            // Complaints with a solution being carried out: the earliest due time of a step not done.
            migrationBuilder.Sql("""
                UPDATE complaints c SET next_step_due_at = s.due
                FROM (
                    SELECT x.id, min((step ->> 'DueAt')::timestamptz) AS due
                    FROM complaints x, jsonb_array_elements(x.solution -> 'Steps') step
                    WHERE x.status IN ('Solution', 'Resolved') AND jsonb_typeof(x.solution -> 'Steps') = 'array'
                      AND NOT coalesce((step ->> 'Done')::boolean, false) AND step ->> 'DueAt' IS NOT NULL
                    GROUP BY x.id
                ) s
                WHERE s.id = c.id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_next_step_due_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "next_step_due_at",
                table: "complaints");
        }
    }
}
