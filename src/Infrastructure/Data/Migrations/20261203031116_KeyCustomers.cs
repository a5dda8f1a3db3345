using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class KeyCustomers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "birth_month_day",
                table: "customers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "birthday",
                table: "customers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "follow_up_every_months",
                table: "customers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "follow_up_owner_id",
                table: "customers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "grade",
                table: "customers",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "key_customer",
                table: "complaints",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "customer_grades",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    is_key = table.Column<bool>(type: "boolean", nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_zh_cn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_grades", x => x.code);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customers_birth_month_day",
                table: "customers",
                column: "birth_month_day");

            migrationBuilder.CreateIndex(
                name: "ix_customers_follow_up_owner_id",
                table: "customers",
                column: "follow_up_owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_customers_grade",
                table: "customers",
                column: "grade");

            migrationBuilder.AddForeignKey(
                name: "fk_customers_customer_grades_grade",
                table: "customers",
                column: "grade",
                principalTable: "customer_grades",
                principalColumn: "code",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_customers_staff_follow_up_owner_id",
                table: "customers",
                column: "follow_up_owner_id",
                principalTable: "staff",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_customers_customer_grades_grade",
                table: "customers");

            migrationBuilder.DropForeignKey(
                name: "fk_customers_staff_follow_up_owner_id",
                table: "customers");

            migrationBuilder.DropTable(
                name: "customer_grades");

            migrationBuilder.DropIndex(
                name: "ix_customers_birth_month_day",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_follow_up_owner_id",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_grade",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "birth_month_day",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "birthday",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "follow_up_every_months",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "follow_up_owner_id",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "grade",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "key_customer",
                table: "complaints");
        }
    }
}
