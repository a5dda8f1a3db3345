using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SurveyWaveBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_survey_invitations_campaign_id_wave_customer_id",
                table: "survey_invitations");

            migrationBuilder.AddColumn<int>(
                name: "invitations_written",
                table: "survey_campaigns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_campaign_id_wave_customer_id",
                table: "survey_invitations",
                columns: new[] { "campaign_id", "wave", "customer_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_survey_invitations_campaign_id_wave_customer_id",
                table: "survey_invitations");

            migrationBuilder.DropColumn(
                name: "invitations_written",
                table: "survey_campaigns");

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_campaign_id_wave_customer_id",
                table: "survey_invitations",
                columns: new[] { "campaign_id", "wave", "customer_id" },
                unique: true,
                filter: "complaint_id IS NULL");
        }
    }
}
