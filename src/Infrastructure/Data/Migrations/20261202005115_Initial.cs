using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateSequence(
                name: "complaint_number_seq");

            migrationBuilder.CreateTable(
                name: "customer_access_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actor_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    related_customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    points = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_access_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    name_keys = table.Column<string[]>(type: "text[]", nullable: false),
                    company = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    segment = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    preferred_channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    preferred_language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    source_partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    merged_into_id = table.Column<Guid>(type: "uuid", nullable: true),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reward_points = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    consent_contact_by_email = table.Column<bool>(type: "boolean", nullable: false),
                    consent_contact_by_phone = table.Column<bool>(type: "boolean", nullable: false),
                    consent_marketing = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => x.id);
                    table.ForeignKey(
                        name: "fk_customers_customers_merged_into_id",
                        column: x => x.merged_into_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    scope = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    response = table.Column<byte[]>(type: "bytea", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    subjects = table.Column<Guid[]>(type: "uuid[]", nullable: false, defaultValueSql: "'{}'::uuid[]")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => new { x.scope, x.key });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    public_payload = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    fanned_out_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "partners",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partners", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settings", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_throttles",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    failures = table.Column<int>(type: "integer", nullable: false),
                    window_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_in_throttles", x => x.key);
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
                name: "customer_contact_points",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    value = table.Column<string>(type: "text", nullable: false),
                    platform = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    lookup_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    is_primary = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_contact_points", x => x.id);
                    table.ForeignKey(
                        name: "fk_customer_contact_points_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partner_api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    prefix = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_partner_api_keys_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webhook_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    event_types = table.Column<string[]>(type: "text[]", nullable: false),
                    secret = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_subscriptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_webhook_subscriptions_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                    invitations_written = table.Column<int>(type: "integer", nullable: false),
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
                name: "webhook_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subscription_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<long>(type: "bigint", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lease_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_status_code = table.Column<int>(type: "integer", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    dead_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_deliveries", x => x.id);
                    table.ForeignKey(
                        name: "fk_webhook_deliveries_outbox_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "outbox_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_webhook_deliveries_webhook_subscriptions_subscription_id",
                        column: x => x.subscription_id,
                        principalTable: "webhook_subscriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "webhook_delivery_attempts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    duration_ms = table.Column<int>(type: "integer", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    response_body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_delivery_attempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_webhook_delivery_attempts_webhook_deliveries_delivery_id",
                        column: x => x.delivery_id,
                        principalTable: "webhook_deliveries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                        name: "fk_care_tasks_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "complaint_sla_clocks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    milestone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    at_risk_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    met_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    breached_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    at_risk_notified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paused_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    pause_reason = table.Column<int>(type: "integer", nullable: true),
                    paused_working_time = table.Column<TimeSpan>(type: "interval", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_sla_clocks", x => x.id);
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
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    transaction_id = table.Column<long>(type: "bigint", nullable: false, defaultValueSql: "(pg_current_xact_id()::text::bigint)")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_timeline", x => x.id);
                });

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
                    product = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
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
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    solution_proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    solution_accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    re_complaint_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    duplicate_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    repeat_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    repeat_count = table.Column<int>(type: "integer", nullable: false),
                    reopen_count = table.Column<int>(type: "integer", nullable: false),
                    first_response_time = table.Column<TimeSpan>(type: "interval", nullable: true),
                    resolution_time = table.Column<TimeSpan>(type: "interval", nullable: true),
                    sla_started = table.Column<int>(type: "integer", nullable: false),
                    sla_met = table.Column<int>(type: "integer", nullable: false),
                    sla_missed = table.Column<int>(type: "integer", nullable: false),
                    timeline_length = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    resolved = table.Column<bool>(type: "boolean", nullable: false, computedColumnSql: "resolution IS NOT NULL", stored: true),
                    satisfaction = table.Column<int>(type: "integer", nullable: true, computedColumnSql: "(closing ->> 'Satisfaction')::integer", stored: true),
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
                        name: "fk_complaints_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
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
                });

            migrationBuilder.CreateTable(
                name: "departments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    supervisor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_departments", x => x.id);
                    table.ForeignKey(
                        name: "fk_departments_departments_parent_id",
                        column: x => x.parent_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staff",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    department_id = table.Column<Guid>(type: "uuid", nullable: false),
                    roles = table.Column<string[]>(type: "character varying(40)[]", nullable: false),
                    password_hash = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    password_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    security_stamp = table.Column<Guid>(type: "uuid", nullable: false),
                    last_sign_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "departments",
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
                name: "ix_complaint_sla_clocks_at_risk_from",
                table: "complaint_sla_clocks",
                column: "at_risk_from",
                filter: "met_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_complaint_sla_clocks_complaint_id_milestone",
                table: "complaint_sla_clocks",
                columns: new[] { "complaint_id", "milestone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_complaint_sla_clocks_due_at",
                table: "complaint_sla_clocks",
                column: "due_at",
                filter: "met_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_complaint_timeline_complaint_id_sequence",
                table: "complaint_timeline",
                columns: new[] { "complaint_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_complaint_timeline_transaction_id_position",
                table: "complaint_timeline",
                columns: new[] { "transaction_id", "position" });

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
                name: "ix_complaints_repeat_of_id",
                table: "complaints",
                column: "repeat_of_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaints_report",
                table: "complaints",
                column: "received_at")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "category", "channel", "severity", "responsible_department_id", "assignee_id", "product", "reopen_count", "re_complaint_of_id", "first_response_time", "resolution_time", "sla_started", "sla_met", "sla_missed", "satisfaction", "resolved" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_responsible_department_id_status_received_at_id",
                table: "complaints",
                columns: new[] { "responsible_department_id", "status", "received_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_status_received_at",
                table: "complaints",
                columns: new[] { "status", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_access_log_actor_id",
                table: "customer_access_log",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_access_log_at",
                table: "customer_access_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_customer_access_log_customer_id_at",
                table: "customer_access_log",
                columns: new[] { "customer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_contact_points_customer_id",
                table: "customer_contact_points",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_contact_points_lookup_key",
                table: "customer_contact_points",
                column: "lookup_key");

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
                name: "ix_customers_merged_into_id",
                table: "customers",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_customers_name_keys",
                table: "customers",
                column: "name_keys")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_customers_segment",
                table: "customers",
                column: "segment");

            migrationBuilder.CreateIndex(
                name: "ix_customers_updated_at",
                table: "customers",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_departments_code",
                table: "departments",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_departments_parent_id",
                table: "departments",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_departments_supervisor_id",
                table: "departments",
                column: "supervisor_id");

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_expires_at",
                table: "idempotency_keys",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_subjects",
                table: "idempotency_keys",
                column: "subjects")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_created_at",
                table: "outbox_messages",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_event_id",
                table: "outbox_messages",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_waiting",
                table: "outbox_messages",
                column: "id",
                filter: "fanned_out_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_partner_api_keys_partner_id",
                table: "partner_api_keys",
                column: "partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_api_keys_prefix",
                table: "partner_api_keys",
                column: "prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_department_id",
                table: "staff",
                column: "department_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_email",
                table: "staff",
                column: "email",
                unique: true);

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
                columns: new[] { "campaign_id", "wave", "customer_id" });

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

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_message_id",
                table: "webhook_deliveries",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_status_next_attempt_at",
                table: "webhook_deliveries",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_subscription_id_complaint_id_message_id",
                table: "webhook_deliveries",
                columns: new[] { "subscription_id", "complaint_id", "message_id" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_subscription_id_message_id",
                table: "webhook_deliveries",
                columns: new[] { "subscription_id", "message_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_delivery_attempts_delivery_id_id",
                table: "webhook_delivery_attempts",
                columns: new[] { "delivery_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_subscriptions_partner_id",
                table: "webhook_subscriptions",
                column: "partner_id");

            migrationBuilder.AddForeignKey(
                name: "fk_care_tasks_complaints_complaint_id",
                table: "care_tasks",
                column: "complaint_id",
                principalTable: "complaints",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_care_tasks_staff_completed_by_id",
                table: "care_tasks",
                column: "completed_by_id",
                principalTable: "staff",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_care_tasks_staff_owner_id",
                table: "care_tasks",
                column: "owner_id",
                principalTable: "staff",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_complaint_sla_clocks_complaints_complaint_id",
                table: "complaint_sla_clocks",
                column: "complaint_id",
                principalTable: "complaints",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_complaint_timeline_complaints_complaint_id",
                table: "complaint_timeline",
                column: "complaint_id",
                principalTable: "complaints",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_complaints_departments_responsible_department_id",
                table: "complaints",
                column: "responsible_department_id",
                principalTable: "departments",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_complaints_staff_assignee_id",
                table: "complaints",
                column: "assignee_id",
                principalTable: "staff",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_complaints_staff_first_responder_id",
                table: "complaints",
                column: "first_responder_id",
                principalTable: "staff",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_customer_feedback_staff_handler_id",
                table: "customer_feedback",
                column: "handler_id",
                principalTable: "staff",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_customer_feedback_staff_recorded_by_id",
                table: "customer_feedback",
                column: "recorded_by_id",
                principalTable: "staff",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_departments_staff_supervisor_id",
                table: "departments",
                column: "supervisor_id",
                principalTable: "staff",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // Text search over number, title and description: lower(...) LIKE '%…%' is served by trigram indexes.
            migrationBuilder.Sql("CREATE INDEX ix_complaints_number_trgm ON complaints USING gin (lower(number) gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_complaints_title_trgm ON complaints USING gin (lower(title) gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_complaints_description_trgm ON complaints USING gin (lower(description) gin_trgm_ops);");

            // The timeline is history: rows are appended, never changed or removed. One exception: erasing a customer's
            // personal data (right to erasure) may redact the text of an entry, in a transaction that sets
            // customercare.erasing; nothing else about the entry changes.
            migrationBuilder.Sql("""
                CREATE FUNCTION complaint_timeline_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND current_setting('customercare.erasing', true) = 'on'
                       AND NEW.id = OLD.id AND NEW.complaint_id = OLD.complaint_id AND NEW.sequence = OLD.sequence
                       AND NEW.at = OLD.at AND NEW.kind = OLD.kind AND NEW.actor_kind = OLD.actor_kind
                       AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
                       AND NEW.from_status IS NOT DISTINCT FROM OLD.from_status AND NEW.to_status IS NOT DISTINCT FROM OLD.to_status THEN
                        RETURN NEW;
                    END IF;
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
            migrationBuilder.DropForeignKey(
                name: "fk_departments_staff_supervisor_id",
                table: "departments");

            migrationBuilder.DropTable(
                name: "care_tasks");

            migrationBuilder.DropTable(
                name: "complaint_sla_clocks");

            migrationBuilder.DropTable(
                name: "complaint_timeline");

            migrationBuilder.DropTable(
                name: "customer_access_log");

            migrationBuilder.DropTable(
                name: "customer_contact_points");

            migrationBuilder.DropTable(
                name: "customer_feedback");

            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "partner_api_keys");

            migrationBuilder.DropTable(
                name: "settings");

            migrationBuilder.DropTable(
                name: "sign_in_throttles");

            migrationBuilder.DropTable(
                name: "survey_answers");

            migrationBuilder.DropTable(
                name: "webhook_delivery_attempts");

            migrationBuilder.DropTable(
                name: "survey_invitations");

            migrationBuilder.DropTable(
                name: "webhook_deliveries");

            migrationBuilder.DropTable(
                name: "complaints");

            migrationBuilder.DropTable(
                name: "survey_campaigns");

            migrationBuilder.DropTable(
                name: "survey_template_versions");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "webhook_subscriptions");

            migrationBuilder.DropTable(
                name: "customers");

            migrationBuilder.DropTable(
                name: "survey_templates");

            migrationBuilder.DropTable(
                name: "partners");

            migrationBuilder.DropTable(
                name: "staff");

            migrationBuilder.DropTable(
                name: "departments");

            migrationBuilder.DropSequence(
                name: "complaint_number_seq");
        }
    }
}
