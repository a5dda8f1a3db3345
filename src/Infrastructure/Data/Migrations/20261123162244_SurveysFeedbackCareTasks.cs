using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SurveysFeedbackCareTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "reward_points",
                table: "customers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "product",
                table: "complaints",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "care_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: true),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    is_automatic = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_care_tasks_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_care_tasks_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_care_tasks_staff_completed_by_id",
                        column: x => x.completed_by_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_care_tasks_staff_owner_id",
                        column: x => x.owner_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "customer_feedback",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    handler_id = table.Column<Guid>(type: "uuid", nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    answered_via = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted = table.Column<bool>(type: "boolean", nullable: true),
                    improvement_action = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reward_points = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_feedback", x => x.id);
                    table.ForeignKey(
                        name: "fk_customer_feedback_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customer_feedback_staff_handler_id",
                        column: x => x.handler_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customer_feedback_staff_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "survey_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    current_version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "survey_campaigns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    schedule = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    segment = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    customer_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    product = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    response_days = table.Column<int>(type: "integer", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    waves = table.Column<int>(type: "integer", nullable: false),
                    open_wave = table.Column<int>(type: "integer", nullable: true),
                    open_wave_template_version = table.Column<int>(type: "integer", nullable: true),
                    last_run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_campaigns", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_campaigns_survey_templates_template_id",
                        column: x => x.template_id,
                        principalTable: "survey_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "survey_template_versions",
                columns: table => new
                {
                    template_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    questions = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_template_versions", x => new { x.template_id, x.number });
                    table.ForeignKey(
                        name: "fk_survey_template_versions_survey_templates_template_id",
                        column: x => x.template_id,
                        principalTable: "survey_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "survey_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template_version = table.Column<int>(type: "integer", nullable: false),
                    wave = table.Column<int>(type: "integer", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    segment = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: true),
                    first_responder_id = table.Column<Guid>(type: "uuid", nullable: true),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    product = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    sla_met = table.Column<bool>(type: "boolean", nullable: true),
                    token = table.Column<string>(type: "text", nullable: false),
                    token_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_invitations_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_survey_invitations_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_survey_invitations_staff_first_responder_id",
                        column: x => x.first_responder_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_survey_invitations_survey_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "survey_campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_survey_invitations_survey_template_versions_template_id_tem",
                        columns: x => new { x.template_id, x.template_version },
                        principalTable: "survey_template_versions",
                        principalColumns: new[] { "template_id", "number" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "survey_answers",
                columns: table => new
                {
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    score = table.Column<int>(type: "integer", nullable: true),
                    choice = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_answers", x => new { x.invitation_id, x.question_key });
                    table.ForeignKey(
                        name: "fk_survey_answers_survey_invitations_invitation_id",
                        column: x => x.invitation_id,
                        principalTable: "survey_invitations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_care_tasks_complaint_id",
                table: "care_tasks",
                column: "complaint_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_tasks_completed_by_id",
                table: "care_tasks",
                column: "completed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_tasks_customer_id_due_on",
                table: "care_tasks",
                columns: new[] { "customer_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_care_tasks_due_on",
                table: "care_tasks",
                column: "due_on",
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_care_tasks_owner_id_due_on",
                table: "care_tasks",
                columns: new[] { "owner_id", "due_on" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_customer_feedback_customer_id_created_at",
                table: "customer_feedback",
                columns: new[] { "customer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_feedback_handler_id",
                table: "customer_feedback",
                column: "handler_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_feedback_recorded_by_id",
                table: "customer_feedback",
                column: "recorded_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_feedback_status_created_at",
                table: "customer_feedback",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_answers_question_key_invitation_id",
                table: "survey_answers",
                columns: new[] { "question_key", "invitation_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "score" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_campaigns_next_run_at",
                table: "survey_campaigns",
                column: "next_run_at",
                filter: "is_active AND next_run_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_survey_campaigns_schedule",
                table: "survey_campaigns",
                column: "schedule",
                filter: "is_active");

            migrationBuilder.CreateIndex(
                name: "ix_survey_campaigns_template_id",
                table: "survey_campaigns",
                column: "template_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_campaign_id_complaint_id",
                table: "survey_invitations",
                columns: new[] { "campaign_id", "complaint_id" },
                unique: true,
                filter: "complaint_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_campaign_id_wave_customer_id",
                table: "survey_invitations",
                columns: new[] { "campaign_id", "wave", "customer_id" },
                unique: true,
                filter: "complaint_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_complaint_id",
                table: "survey_invitations",
                column: "complaint_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_customer_id",
                table: "survey_invitations",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_first_responder_id",
                table: "survey_invitations",
                column: "first_responder_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_template_id_template_version_created_at",
                table: "survey_invitations",
                columns: new[] { "template_id", "template_version", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_token_hash",
                table: "survey_invitations",
                column: "token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "care_tasks");

            migrationBuilder.DropTable(
                name: "customer_feedback");

            migrationBuilder.DropTable(
                name: "survey_answers");

            migrationBuilder.DropTable(
                name: "survey_invitations");

            migrationBuilder.DropTable(
                name: "survey_campaigns");

            migrationBuilder.DropTable(
                name: "survey_template_versions");

            migrationBuilder.DropTable(
                name: "survey_templates");

            migrationBuilder.DropColumn(
                name: "reward_points",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "product",
                table: "complaints");
        }
    }
}
