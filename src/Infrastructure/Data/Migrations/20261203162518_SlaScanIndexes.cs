using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SlaScanIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_complaint_sla_clocks_breach_due",
                table: "complaint_sla_clocks",
                column: "due_at",
                filter: "met_at IS NULL AND paused_at IS NULL AND breached_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_complaint_sla_clocks_risk_due",
                table: "complaint_sla_clocks",
                column: "at_risk_from",
                filter: "met_at IS NULL AND paused_at IS NULL AND breached_at IS NULL AND at_risk_notified_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaint_sla_clocks_breach_due",
                table: "complaint_sla_clocks");

            migrationBuilder.DropIndex(
                name: "ix_complaint_sla_clocks_risk_due",
                table: "complaint_sla_clocks");
        }
    }
}
