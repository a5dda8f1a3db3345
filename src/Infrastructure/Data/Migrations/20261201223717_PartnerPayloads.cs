using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartnerPayloads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "public_payload",
                table: "outbox_messages",
                type: "jsonb",
                nullable: true);

            // Events written before: those of public timeline entries get the partner's body (no assignee or department).
            migrationBuilder.Sql(
                """
                UPDATE outbox_messages
                SET public_payload = jsonb_set(jsonb_set(payload, '{data,assigneeId}', 'null'), '{data,responsibleDepartmentId}', 'null')
                WHERE payload->'data'->>'kind' IN ('received', 'registered', 'investigated', 'solutionProposed', 'solutionAccepted',
                                                   'solutionRejected', 'resolved', 'reopened', 'closed', 'reComplained')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "public_payload",
                table: "outbox_messages");
        }
    }
}
