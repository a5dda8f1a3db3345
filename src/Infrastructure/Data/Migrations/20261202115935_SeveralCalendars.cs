using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SeveralCalendars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "calendar",
                table: "departments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "calendar",
                table: "complaint_sla_clocks",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "default"); // every clock so far ran on the one calendar there was
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "calendar",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "calendar",
                table: "complaint_sla_clocks");
        }
    }
}
