using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClassificationAsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_report",
                table: "complaints");

            migrationBuilder.AddColumn<string>(
                name: "location",
                table: "complaints",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "scope",
                table: "complaints",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "SingleCustomer"); // complaints from before were about their customer

            migrationBuilder.AddColumn<string>(
                name: "cause",
                table: "complaints",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                computedColumnSql: "(investigation ->> 'Cause')",
                stored: true);

            migrationBuilder.CreateTable(
                name: "complaint_categories",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    department_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_zh_cn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_categories", x => x.code);
                    table.ForeignKey(
                        name: "fk_complaint_categories_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "complaint_causes",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_zh_cn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_causes", x => x.code);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_cause",
                table: "complaints",
                column: "cause",
                filter: "cause IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_report",
                table: "complaints",
                column: "received_at")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "category", "channel", "severity", "responsible_department_id", "assignee_id", "product", "reopen_count", "re_complaint_of_id", "first_response_time", "resolution_time", "sla_started", "sla_met", "sla_missed", "satisfaction", "resolved", "cause" });

            migrationBuilder.CreateIndex(
                name: "ix_complaint_categories_department_id",
                table: "complaint_categories",
                column: "department_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "complaint_categories");

            migrationBuilder.DropTable(
                name: "complaint_causes");

            migrationBuilder.DropIndex(
                name: "ix_complaints_cause",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "ix_complaints_report",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "cause",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "location",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "scope",
                table: "complaints");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_report",
                table: "complaints",
                column: "received_at")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "category", "channel", "severity", "responsible_department_id", "assignee_id", "product", "reopen_count", "re_complaint_of_id", "first_response_time", "resolution_time", "sla_started", "sla_met", "sla_missed", "satisfaction", "resolved" });
        }
    }
}
