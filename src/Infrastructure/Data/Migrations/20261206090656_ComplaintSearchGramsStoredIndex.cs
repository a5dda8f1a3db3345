using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintSearchGramsStoredIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The index of the stored grams, built without blocking new complaints (as ComplaintSearchGramsIndex built the one
            // it replaces): CONCURRENTLY runs outside a transaction, alone in its migration. An interrupted build leaves the
            // index invalid and this migration unrecorded: the next run skips the build, and the next migration rebuilds it.
            migrationBuilder.Sql(
                """
                CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_complaints_stored_search_grams ON complaints USING gin (search_grams)
                    WITH (gin_pending_list_limit = 128)
                """, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_complaints_stored_search_grams", suppressTransaction: true);
        }
    }
}
