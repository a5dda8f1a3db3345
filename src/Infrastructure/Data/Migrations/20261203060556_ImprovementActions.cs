using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImprovementActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "improvement_action_id",
                table: "customer_feedback",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "improvement_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    department_id = table.Column<Guid>(type: "uuid", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    cause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    done_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    review_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    review = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_improvement_actions_complaint_categories_category",
                        column: x => x.category,
                        principalTable: "complaint_categories",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_improvement_actions_complaint_causes_cause",
                        column: x => x.cause,
                        principalTable: "complaint_causes",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_improvement_actions_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_improvement_actions_staff_owner_id",
                        column: x => x.owner_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "improvement_action_links",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    target_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_improvement_action_links", x => new { x.action_id, x.kind, x.target_id });
                    table.ForeignKey(
                        name: "fk_improvement_action_links_improvement_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "improvement_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customer_feedback_improvement_action_id",
                table: "customer_feedback",
                column: "improvement_action_id");

            migrationBuilder.CreateIndex(
                name: "ix_improvement_action_links_kind_target_id",
                table: "improvement_action_links",
                columns: new[] { "kind", "target_id" });

            migrationBuilder.CreateIndex(
                name: "ix_improvement_actions_category",
                table: "improvement_actions",
                column: "category");

            migrationBuilder.CreateIndex(
                name: "ix_improvement_actions_cause",
                table: "improvement_actions",
                column: "cause");

            migrationBuilder.CreateIndex(
                name: "ix_improvement_actions_department_id",
                table: "improvement_actions",
                column: "department_id");

            migrationBuilder.CreateIndex(
                name: "ix_improvement_actions_owner_id_status",
                table: "improvement_actions",
                columns: new[] { "owner_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_improvement_actions_status_due_on",
                table: "improvement_actions",
                columns: new[] { "status", "due_on" });

            // The free-text fields become improvement actions (planned, due 30 days after they were written, owned by the
            // feedback's handler or the complaint's assignee when there was one), traced to where they were written.
            migrationBuilder.Sql(
                """
                CREATE TEMP TABLE migrated_improvement_actions AS
                SELECT gen_random_uuid() AS action_id, 'Feedback' AS kind, f.id AS target_id, btrim(f.improvement_action) AS text,
                       f.handler_id AS owner_id, NULL::uuid AS department_id, coalesce(f.answered_at, f.updated_at) AS at,
                       NULL::varchar AS category, NULL::varchar AS cause
                FROM customer_feedback f WHERE btrim(coalesce(f.improvement_action, '')) <> ''
                UNION ALL
                SELECT gen_random_uuid(), 'Complaint', c.id, btrim(c.investigation ->> 'CorrectiveAction'),
                       c.assignee_id, c.responsible_department_id, c.updated_at, c.category, c.investigation ->> 'Cause'
                FROM complaints c WHERE btrim(coalesce(c.investigation ->> 'CorrectiveAction', '')) <> '';

                INSERT INTO improvement_actions (id, title, description, owner_id, department_id, due_on, category, cause, status, created_at, updated_at)
                SELECT m.action_id, left(m.text, 200), CASE WHEN length(m.text) > 200 THEN left(m.text, 4000) END,
                       (SELECT s.id FROM staff s WHERE s.id = m.owner_id), (SELECT d.id FROM departments d WHERE d.id = m.department_id),
                       (m.at + interval '30 days')::date,
                       (SELECT k.code FROM complaint_categories k WHERE k.code = m.category), (SELECT k.code FROM complaint_causes k WHERE k.code = m.cause),
                       'Planned', m.at, m.at
                FROM migrated_improvement_actions m;

                INSERT INTO improvement_action_links (action_id, kind, target_id)
                SELECT action_id, kind, target_id FROM migrated_improvement_actions;

                UPDATE customer_feedback f SET improvement_action_id = m.action_id
                FROM migrated_improvement_actions m WHERE m.kind = 'Feedback' AND m.target_id = f.id;

                UPDATE complaints c SET investigation = (c.investigation - 'CorrectiveAction') || jsonb_build_object('ImprovementActionId', m.action_id)
                FROM migrated_improvement_actions m WHERE m.kind = 'Complaint' AND m.target_id = c.id;

                UPDATE complaints SET investigation = investigation - 'CorrectiveAction' WHERE investigation ? 'CorrectiveAction';

                DROP TABLE migrated_improvement_actions;
                """);

            migrationBuilder.DropColumn(
                name: "improvement_action",
                table: "customer_feedback");

            migrationBuilder.AddForeignKey(
                name: "fk_customer_feedback_improvement_actions_improvement_action_id",
                table: "customer_feedback",
                column: "improvement_action_id",
                principalTable: "improvement_actions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_customer_feedback_improvement_actions_improvement_action_id",
                table: "customer_feedback");

            migrationBuilder.DropTable(
                name: "improvement_action_links");

            migrationBuilder.DropTable(
                name: "improvement_actions");

            migrationBuilder.DropIndex(
                name: "ix_customer_feedback_improvement_action_id",
                table: "customer_feedback");

            migrationBuilder.DropColumn(
                name: "improvement_action_id",
                table: "customer_feedback");

            migrationBuilder.AddColumn<string>(
                name: "improvement_action",
                table: "customer_feedback",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }
    }
}
