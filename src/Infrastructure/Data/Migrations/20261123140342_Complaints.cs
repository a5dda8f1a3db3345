using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateSequence(
                name: "complaint_number_seq");

            migrationBuilder.CreateTable(
                name: "complaints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    remedy_sought = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    external_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    first_responder_id = table.Column<Guid>(type: "uuid", nullable: true),
                    responsible_department_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assignee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    escalation_level = table.Column<int>(type: "integer", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    customer_acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_contact_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    re_complaint_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    duplicate_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    repeat_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    repeat_count = table.Column<int>(type: "integer", nullable: false),
                    timeline_length = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    closing = table.Column<string>(type: "jsonb", nullable: true),
                    customer_response = table.Column<string>(type: "jsonb", nullable: true),
                    investigation = table.Column<string>(type: "jsonb", nullable: true),
                    resolution = table.Column<string>(type: "jsonb", nullable: true),
                    solution = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaints", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaints_complaints_duplicate_of_id",
                        column: x => x.duplicate_of_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_complaints_complaints_re_complaint_of_id",
                        column: x => x.re_complaint_of_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_complaints_complaints_repeat_of_id",
                        column: x => x.repeat_of_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_complaints_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_complaints_departments_responsible_department_id",
                        column: x => x.responsible_department_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_complaints_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_complaints_staff_assignee_id",
                        column: x => x.assignee_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_complaints_staff_first_responder_id",
                        column: x => x.first_responder_id,
                        principalTable: "staff",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "complaint_timeline",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    from_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_timeline", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaint_timeline_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaint_timeline_complaint_id_sequence",
                table: "complaint_timeline",
                columns: new[] { "complaint_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_complaints_assignee_id_received_at",
                table: "complaints",
                columns: new[] { "assignee_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_category_received_at",
                table: "complaints",
                columns: new[] { "category", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_customer_id_category_received_at",
                table: "complaints",
                columns: new[] { "customer_id", "category", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_duplicate_of_id",
                table: "complaints",
                column: "duplicate_of_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_first_responder_id_received_at",
                table: "complaints",
                columns: new[] { "first_responder_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_number",
                table: "complaints",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_complaints_partner_id_external_reference",
                table: "complaints",
                columns: new[] { "partner_id", "external_reference" },
                unique: true,
                filter: "external_reference IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_re_complaint_of_id",
                table: "complaints",
                column: "re_complaint_of_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_received_at",
                table: "complaints",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_repeat_of_id",
                table: "complaints",
                column: "repeat_of_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_responsible_department_id_status_received_at",
                table: "complaints",
                columns: new[] { "responsible_department_id", "status", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_status_received_at",
                table: "complaints",
                columns: new[] { "status", "received_at" });

            // Text search over number, title and description: lower(...) LIKE '%…%' is served by trigram indexes.
            migrationBuilder.Sql("CREATE INDEX ix_complaints_number_trgm ON complaints USING gin (lower(number) gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_complaints_title_trgm ON complaints USING gin (lower(title) gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_complaints_description_trgm ON complaints USING gin (lower(description) gin_trgm_ops);");

            // The timeline is history: rows are appended, never changed or removed.
            migrationBuilder.Sql("""
                CREATE FUNCTION complaint_timeline_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'complaint_timeline is append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
                END $$;
                CREATE TRIGGER complaint_timeline_append_only BEFORE UPDATE OR DELETE ON complaint_timeline
                    FOR EACH ROW EXECUTE FUNCTION complaint_timeline_is_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS complaint_timeline_append_only ON complaint_timeline;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS complaint_timeline_is_append_only();");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_complaints_number_trgm;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_complaints_title_trgm;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_complaints_description_trgm;");

            migrationBuilder.DropTable(
                name: "complaint_timeline");

            migrationBuilder.DropTable(
                name: "complaints");

            migrationBuilder.DropSequence(
                name: "complaint_number_seq");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
