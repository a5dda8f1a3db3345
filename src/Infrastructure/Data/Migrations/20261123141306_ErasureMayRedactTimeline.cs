using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ErasureMayRedactTimeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Append-only, with one exception: erasing a customer's personal data (right to erasure) may redact the
            // text of an entry, in a transaction that sets customercare.erasing; nothing else about the entry changes.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION complaint_timeline_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND current_setting('customercare.erasing', true) = 'on'
                       AND NEW.id = OLD.id AND NEW.complaint_id = OLD.complaint_id AND NEW.sequence = OLD.sequence
                       AND NEW.at = OLD.at AND NEW.kind = OLD.kind AND NEW.actor_kind = OLD.actor_kind
                       AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
                       AND NEW.from_status IS NOT DISTINCT FROM OLD.from_status AND NEW.to_status IS NOT DISTINCT FROM OLD.to_status THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'complaint_timeline is append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION complaint_timeline_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'complaint_timeline is append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
                END $$;
                """);
        }
    }
}
