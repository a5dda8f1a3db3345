using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintDigitGramsStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An index the migration before left invalid (its concurrent build interrupted) is rebuilt here, in the
            // migration's transaction. Then ANALYZE gives the planner the grams' frequencies: a rare number is read through
            // the index, a common one (the year in every complaint's number) through received_at.
            migrationBuilder.Sql(
                """
                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = 'ix_complaints_digit_grams'::regclass AND NOT indisvalid) THEN
                        REINDEX INDEX ix_complaints_digit_grams;
                    END IF;
                END
                $$;
                ANALYZE complaints;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Statistics need no undoing.
        }
    }
}
