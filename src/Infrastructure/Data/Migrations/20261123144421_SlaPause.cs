using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SlaPause : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "pause_reason",
                table: "complaint_sla_clocks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "paused_at",
                table: "complaint_sla_clocks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "paused_working_time",
                table: "complaint_sla_clocks",
                type: "interval",
                nullable: false,
                defaultValue: new TimeSpan(0, 0, 0, 0, 0));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "pause_reason",
                table: "complaint_sla_clocks");

            migrationBuilder.DropColumn(
                name: "paused_at",
                table: "complaint_sla_clocks");

            migrationBuilder.DropColumn(
                name: "paused_working_time",
                table: "complaint_sla_clocks");
        }
    }
}
