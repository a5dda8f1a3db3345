using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintSearchPostings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "complaint_search_postings",
                columns: table => new
                {
                    gram = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false, collation: "C"),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_search_postings", x => new { x.gram, x.received_at, x.complaint_id });
                });

            // The postings of each complaint's CJK bigrams (ComplaintSearchPosting, ADR 0028), written by PostgreSQL:
            // - as complaints are inserted, once per statement from its new rows (an import's COPY, the seed's INSERT ...
            //   SELECT: one INSERT of all their postings, not one per row);
            // - as a complaint's texts change (an erasure rewrites them): its old postings go, its new ones come.
            // A complaint is never deleted (its immutable timeline's foreign key refuses it), so no trigger follows that.
            // A complaint's grams are its stored search_grams; the two-character ones are the CJK bigrams (digits make
            // grams of four). The complaints already stored are posted here under a lock that lets them be read but not
            // written (no complaint posted twice or missed), with the primary key built after them: ~18 postings a
            // complaint, about a minute per million on two cores.
            migrationBuilder.Sql(
                """
                LOCK TABLE complaints IN SHARE MODE;
                CREATE FUNCTION complaint_search_postings_added() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO complaint_search_postings (gram, received_at, complaint_id)
                    SELECT g, a.received_at, a.id FROM added a CROSS JOIN LATERAL unnest(a.search_grams) AS g WHERE length(g) = 2;
                    RETURN NULL;
                END
                $$;
                CREATE FUNCTION complaint_search_postings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM complaint_search_postings
                    WHERE gram COLLATE "C" = ANY (OLD.search_grams) AND received_at = OLD.received_at AND complaint_id = OLD.id;
                    INSERT INTO complaint_search_postings (gram, received_at, complaint_id)
                    SELECT g, NEW.received_at, NEW.id FROM unnest(NEW.search_grams) AS g WHERE length(g) = 2;
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER complaint_search_postings_added AFTER INSERT ON complaints
                    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION complaint_search_postings_added();
                CREATE TRIGGER complaint_search_postings_changed AFTER UPDATE OF number, title, description, received_at ON complaints
                    FOR EACH ROW WHEN (OLD.search_grams IS DISTINCT FROM NEW.search_grams OR OLD.received_at IS DISTINCT FROM NEW.received_at)
                    EXECUTE FUNCTION complaint_search_postings_changed();
                ALTER TABLE complaint_search_postings DROP CONSTRAINT pk_complaint_search_postings;
                INSERT INTO complaint_search_postings (gram, received_at, complaint_id)
                SELECT g, c.received_at, c.id FROM complaints c CROSS JOIN LATERAL unnest(c.search_grams) AS g WHERE length(g) = 2;
                ALTER TABLE complaint_search_postings ADD CONSTRAINT pk_complaint_search_postings PRIMARY KEY (gram, received_at, complaint_id);
                ANALYZE complaint_search_postings;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER complaint_search_postings_changed ON complaints;
                DROP TRIGGER complaint_search_postings_added ON complaints;
                DROP FUNCTION complaint_search_postings_changed();
                DROP FUNCTION complaint_search_postings_added();
                """);
            migrationBuilder.DropTable(
                name: "complaint_search_postings");
        }
    }
}
