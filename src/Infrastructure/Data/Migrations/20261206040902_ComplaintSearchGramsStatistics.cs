using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintSearchGramsStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An index the migration before left invalid (its concurrent build interrupted) is rebuilt here, in the
            // migration's transaction. The digit grams' index and its functions go: the search grams hold the same digit
            // grams. Then ANALYZE gives the planner the grams' frequencies: a rare gram is read through the index, a common
            // one (the year in every complaint's number, a word in every other complaint) through received_at.
            migrationBuilder.Sql(
                """
                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = 'ix_complaints_search_grams'::regclass AND NOT indisvalid) THEN
                        REINDEX INDEX ix_complaints_search_grams;
                    END IF;
                END
                $$;
                DROP INDEX IF EXISTS ix_complaints_digit_grams;
                DROP FUNCTION complaint_has_digit_grams(text, text, text, text);
                DROP FUNCTION complaint_digit_grams(text, text, text);
                DROP FUNCTION digit_grams(text);
                ANALYZE complaints;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The digit grams' functions and index as ComplaintDigitGrams, ComplaintDigitGramsIndex and ComplaintDigitGramSearch
            // left them (built in the transaction here: a migration's Down runs in one).
            migrationBuilder.Sql(
                """
                CREATE OR REPLACE FUNCTION digit_grams(value text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT coalesce(array_agg(DISTINCT substr(run[1], i, 4)), '{}')
                    FROM regexp_matches(coalesce(value, ''), '[0-9]{4,}', 'g') AS run, generate_series(1, length(run[1]) - 3) AS i
                $$;
                CREATE OR REPLACE FUNCTION complaint_digit_grams(number text, title text, description text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT digit_grams(concat_ws(' ', number, title, description))
                $$;
                CREATE OR REPLACE FUNCTION complaint_has_digit_grams(number text, title text, description text, grams text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT complaint_digit_grams(number, title, description) @> string_to_array(grams, ' ')
                $$;
                CREATE INDEX IF NOT EXISTS ix_complaints_digit_grams ON complaints USING gin (complaint_digit_grams(number, title, description))
                    WITH (gin_pending_list_limit = 128);
                """);
        }
    }
}
