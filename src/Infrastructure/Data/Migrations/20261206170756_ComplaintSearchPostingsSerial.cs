using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <summary>
    /// No parallel workers for the postings' scans (<c>parallel_workers = 0</c>): the generic plan of a word's page, made
    /// without knowing its LIMIT, was a Gather Merge whose worker took 20-30 ms to start (ADR 0028).
    /// </summary>
    public partial class ComplaintSearchPostingsSerial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "complaint_search_postings")
                .Annotation("Npgsql:StorageParameter:parallel_workers", 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "complaint_search_postings")
                .OldAnnotation("Npgsql:StorageParameter:parallel_workers", 0);
        }
    }
}
