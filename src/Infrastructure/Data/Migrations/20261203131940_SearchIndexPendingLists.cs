using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndexPendingLists : Migration
    {
        // A GIN index keeps new entries in a pending list until it holds gin_pending_list_limit (4 MB by default) or
        // vacuum runs, and every search reads the whole list: on a busy day ~950 pages per text search instead of ~30.
        // 128 kB keeps the list short; the insert that fills it merges it into the index (docs/performance.md).
        private static readonly string[] Indexes =
            ["ix_complaints_number_trgm", "ix_complaints_title_trgm", "ix_complaints_description_trgm"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var index in Indexes)
            {
                migrationBuilder.Sql($"ALTER INDEX {index} SET (gin_pending_list_limit = 128);");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var index in Indexes)
            {
                migrationBuilder.Sql($"ALTER INDEX {index} RESET (gin_pending_list_limit);");
            }
        }
    }
}
