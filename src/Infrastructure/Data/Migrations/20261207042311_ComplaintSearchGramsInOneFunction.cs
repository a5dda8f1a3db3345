using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintSearchGramsInOneFunction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A complaint's stored search grams (ComplaintSearchGramsStored) are worked out by one SQL function, not by one
            // calling another. PostgreSQL 15 parses and plans an SQL function's body when it first calls it in a statement
            // and keeps that for the statement: the outer function (complaint_search_grams) was called once per complaint
            // written, but it ran search_grams in a statement of its own each time, so search_grams' body was parsed and
            // planned again for every complaint: a fifth of PostgreSQL's CPU in an import (docs/performance.md). The grams are
            // the same (the same pattern over the same text), so the stored column is not rewritten.
            migrationBuilder.Sql(
                """
                CREATE OR REPLACE FUNCTION complaint_search_grams(number text, title text, description text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT coalesce(array_agg(DISTINCT substr(run[1], i, n)), '{}')
                    FROM regexp_matches(concat_ws(' ', number, title, description), '[0-9]{4,}|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,}', 'g') AS run,
                         CAST(CASE WHEN run[1] ~ '^[0-9]' THEN 4 ELSE 2 END AS int) AS n,
                         generate_series(1, length(run[1]) - n + 1) AS i
                $$;
                DROP FUNCTION search_grams(text);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE FUNCTION search_grams(value text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT coalesce(array_agg(DISTINCT substr(run[1], i, n)), '{}')
                    FROM regexp_matches(coalesce(value, ''), '[0-9]{4,}|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,}', 'g') AS run,
                         CAST(CASE WHEN run[1] ~ '^[0-9]' THEN 4 ELSE 2 END AS int) AS n,
                         generate_series(1, length(run[1]) - n + 1) AS i
                $$;
                CREATE OR REPLACE FUNCTION complaint_search_grams(number text, title text, description text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                    SELECT search_grams(concat_ws(' ', number, title, description))
                $$;
                """);
        }
    }
}
