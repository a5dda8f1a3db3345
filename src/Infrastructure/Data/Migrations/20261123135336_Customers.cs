using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Customers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_access_log");

            migrationBuilder.DropTable(
                name: "customer_contact_points");

            migrationBuilder.DropTable(
                name: "customers");
        }
    }
}
