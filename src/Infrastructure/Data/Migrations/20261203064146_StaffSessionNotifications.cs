using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerCare.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffSessionNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every replica keeps the sessions it found current (Identity/StaffSessions) and forgets a staff member's when
            // told: deactivated, deleted, or a new security stamp (password, roles, department); all of them when the table is
            // emptied ('*'). Sent at commit.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION notify_staff_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'TRUNCATE' THEN
                        PERFORM pg_notify('staff_sessions', '*');
                    ELSIF TG_OP = 'DELETE' THEN
                        PERFORM pg_notify('staff_sessions', OLD.id::text);
                    ELSIF NEW.is_active IS DISTINCT FROM OLD.is_active OR NEW.security_stamp IS DISTINCT FROM OLD.security_stamp THEN
                        PERFORM pg_notify('staff_sessions', OLD.id::text);
                    END IF;
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER staff_sessions_notify AFTER UPDATE OR DELETE ON staff
                    FOR EACH ROW EXECUTE FUNCTION notify_staff_session_change();
                CREATE TRIGGER staff_sessions_truncate AFTER TRUNCATE ON staff
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_staff_session_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER staff_sessions_truncate ON staff; DROP TRIGGER staff_sessions_notify ON staff; DROP FUNCTION notify_staff_session_change();");
        }
    }
}
