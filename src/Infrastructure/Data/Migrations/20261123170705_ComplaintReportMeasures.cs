using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintReportMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeSpan>(
                name: "first_response_time",
                table: "complaints",
                type: "interval",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "reopen_count",
                table: "complaints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "resolution_time",
                table: "complaints",
                type: "interval",
                nullable: true);

            // Reopenings so far are in the timeline; the working times are measured at start-up (DatabaseSeeder).
            migrationBuilder.Sql("""
                UPDATE complaints c SET reopen_count = t.n
                FROM (SELECT complaint_id, count(*) AS n FROM complaint_timeline WHERE kind = 'Reopened' GROUP BY complaint_id) t
                WHERE t.complaint_id = c.id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "first_response_time",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "reopen_count",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "resolution_time",
                table: "complaints");
        }
    }
}
