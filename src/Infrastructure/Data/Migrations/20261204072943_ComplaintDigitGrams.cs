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
            // statement is planned. ANALYZE gives the planner the grams' frequencies (a common one, such as the year every
            // number holds, is better read through the received_at index). Building the index reads every complaint: about
            // two minutes per million on two cores.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION digit_grams(value text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT coalesce(array_agg(DISTINCT substr(run[1], i, 4)), '{}')
                    FROM regexp_matches(coalesce(value, ''), '[0-9]{4,}', 'g') AS run, generate_series(1, length(run[1]) - 3) AS i
                $$;
                CREATE FUNCTION complaint_digit_grams(number text, title text, description text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT digit_grams(concat_ws(' ', number, title, description))
                $$;
                CREATE FUNCTION complaint_has_digits(number text, title text, description text, runs text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT complaint_digit_grams(number, title, description) @> digit_grams(runs)
                $$;
                CREATE INDEX ix_complaints_digit_grams ON complaints USING gin (complaint_digit_grams(number, title, description))
                    WITH (gin_pending_list_limit = 128);
                ANALYZE complaints;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP INDEX ix_complaints_digit_grams;
                DROP FUNCTION complaint_has_digits(text, text, text, text);
                DROP FUNCTION complaint_digit_grams(text, text, text);
                DROP FUNCTION digit_grams(text);
                """);
        }
    }
}
