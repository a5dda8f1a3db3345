using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintSearchGrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Searching a number or a CJK phrase (Application/Complaints/ComplaintGramSearch): the 4-digit windows of every run
            // of four or more ASCII digits and the 2-character windows of every run of two or more CJK characters in a
            // complaint's number, title and description, in a GIN index (the next migration's, which replaces the index of
            // digit grams alone). complaint_has_search_grams is plain SQL so that PostgreSQL inlines it and the index answers;
            // the search brings its grams as a parameter (ComplaintGramSearch.Grams computes them with the same classes).
            migrationBuilder.Sql(
                """
                CREATE OR REPLACE FUNCTION search_grams(value text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT coalesce(array_agg(DISTINCT substr(run[1], i, n)), '{}')
                    FROM regexp_matches(coalesce(value, ''), '[0-9]{4,}|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,}', 'g') AS run,
                         CAST(CASE WHEN run[1] ~ '^[0-9]' THEN 4 ELSE 2 END AS int) AS n,
                         generate_series(1, length(run[1]) - n + 1) AS i
                $$;
                CREATE OR REPLACE FUNCTION complaint_search_grams(number text, title text, description text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT search_grams(concat_ws(' ', number, title, description))
                $$;
                CREATE OR REPLACE FUNCTION complaint_has_search_grams(number text, title text, description text, grams text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT complaint_search_grams(number, title, description) @> string_to_array(grams, ' ')
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP FUNCTION complaint_has_search_grams(text, text, text, text);
                DROP FUNCTION complaint_search_grams(text, text, text);
                DROP FUNCTION search_grams(text);
                """);
        }
    }
}
