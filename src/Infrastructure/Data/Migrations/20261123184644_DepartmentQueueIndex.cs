using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class DepartmentQueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_responsible_department_id_status_received_at",
                table: "complaints");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_responsible_department_id_status_received_at_id",
                table: "complaints",
                columns: new[] { "responsible_department_id", "status", "received_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_responsible_department_id_status_received_at_id",
                table: "complaints");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_responsible_department_id_status_received_at",
                table: "complaints",
                columns: new[] { "responsible_department_id", "status", "received_at" });
        }
    }
}
