using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SlaClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "assigned_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "solution_accepted_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "solution_proposed_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "complaint_sla_clocks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    milestone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    at_risk_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    met_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    breached_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    at_risk_notified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_sla_clocks", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaint_sla_clocks_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaint_sla_clocks_at_risk_from",
                table: "complaint_sla_clocks",
                column: "at_risk_from",
                filter: "met_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_complaint_sla_clocks_complaint_id_milestone",
                table: "complaint_sla_clocks",
                columns: new[] { "complaint_id", "milestone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_complaint_sla_clocks_due_at",
                table: "complaint_sla_clocks",
                column: "due_at",
                filter: "met_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaint_sla_clocks");

            migrationBuilder.DropColumn(
                name: "assigned_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "solution_accepted_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "solution_proposed_at",
                table: "complaints");
        }
    }
}
