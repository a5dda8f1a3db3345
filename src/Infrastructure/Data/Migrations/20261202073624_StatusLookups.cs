using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class StatusLookups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "status_lookups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    contact_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: true),
                    code_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failed_attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_status_lookups", x => x.id);
                    table.ForeignKey(
                        name: "fk_status_lookups_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_status_lookups_complaint_id",
                table: "status_lookups",
                column: "complaint_id");

            migrationBuilder.CreateIndex(
                name: "ix_status_lookups_contact_key_created_at",
                table: "status_lookups",
                columns: new[] { "contact_key", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_status_lookups_number_key_created_at",
                table: "status_lookups",
                columns: new[] { "number_key", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "status_lookups");
        }
    }
}
