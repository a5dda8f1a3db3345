using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintSearchGramsStoredStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An index the migration before left invalid is rebuilt here. The index of the grams computed from the texts and
            // the condition that read it go; then ANALYZE gives the planner the stored grams' frequencies (a rare gram is
            // read through the index, a common one along received_at).
            migrationBuilder.Sql(
                """
                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = 'ix_complaints_stored_search_grams'::regclass AND NOT indisvalid) THEN
                        REINDEX INDEX ix_complaints_stored_search_grams;
                    END IF;
                END
                $$;
                DROP INDEX IF EXISTS ix_complaints_search_grams;
                DROP FUNCTION IF EXISTS complaint_has_search_grams(text, text, text, text);
                ANALYZE complaints;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The expression index and its condition as ComplaintSearchGrams and ComplaintSearchGramsIndex left them (built in
            // the transaction here: a migration's Down runs in one).
            migrationBuilder.Sql(
                """
                CREATE OR REPLACE FUNCTION complaint_has_search_grams(number text, title text, description text, grams text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT complaint_search_grams(number, title, description) @> string_to_array(grams, ' ')
                $$;
                CREATE INDEX IF NOT EXISTS ix_complaints_search_grams ON complaints USING gin (complaint_search_grams(number, title, description))
                    WITH (gin_pending_list_limit = 128);
                """);
        }
    }
}
