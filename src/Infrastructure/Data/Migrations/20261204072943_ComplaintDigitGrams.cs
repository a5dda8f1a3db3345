using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintDigitGrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Searching a number (Application/Complaints/ComplaintDigitSearch): the 4-digit windows of every run of four or
            // more ASCII digits in a complaint's number, title and description, in a GIN index. complaint_has_digits is
            // plain SQL so that PostgreSQL inlines it and the index answers; digit_grams of a constant is computed when the
            // statement is planned. The index itself is the next migration's.
            migrationBuilder.Sql(
                """
                CREATE OR REPLACE FUNCTION digit_grams(value text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT coalesce(array_agg(DISTINCT substr(run[1], i, 4)), '{}')
                    FROM regexp_matches(coalesce(value, ''), '[0-9]{4,}', 'g') AS run, generate_series(1, length(run[1]) - 3) AS i
                $$;
                CREATE OR REPLACE FUNCTION complaint_digit_grams(number text, title text, description text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT digit_grams(concat_ws(' ', number, title, description))
                $$;
                CREATE OR REPLACE FUNCTION complaint_has_digits(number text, title text, description text, runs text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT complaint_digit_grams(number, title, description) @> digit_grams(runs)
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP FUNCTION complaint_has_digits(text, text, text, text);
                DROP FUNCTION complaint_digit_grams(text, text, text);
                DROP FUNCTION digit_grams(text);
                """);
        }
    }
}
