using CustomerCare.Application.Calendars;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Settings;
using CustomerCare.Domain.Organisation;
using CustomerCare.Domain.Sla;
using CustomerCare.Infrastructure.Sla;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Data.Seeding;

/// <summary>
/// Brings an empty database to a usable state: the default departments, the first administrator from
/// configuration, and (when asked) demo staff. Everything is created only when missing, so it runs at every start.
/// </summary>
public static partial class DatabaseSeeder
{
    public const string CustomerServiceCode = "CS";

    /// <summary>The default departments of the domain brief (§7).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> DefaultDepartments =
    [
        (CustomerServiceCode, "Customer Service"),
        ("TS", "Technical Support"),
        ("AS", "After-Sales"),
        ("CR", "Customer Relations"),
        ("QA", "Quality"),
    ];

    public static readonly IReadOnlyList<(string Email, string Name, Role Role)> DemoStaff =
    [
        ("agent@customercare.example", "Demo Agent", Role.Agent),
        ("supervisor@customercare.example", "Demo Supervisor", Role.Supervisor),
        ("manager@customercare.example", "Demo Manager", Role.Manager),
    ];

    public static async Task SeedAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<CustomerCareDbContext>();
        var time = provider.GetRequiredService<TimeProvider>();
        var bootstrap = provider.GetRequiredService<IOptions<BootstrapOptions>>().Value;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSeeder));

        if (!await db.Departments.AnyAsync(cancellationToken))
        {
            var now = time.GetUtcNow();
            db.Departments.AddRange(DefaultDepartments.Select(d => Department.Create(d.Name, d.Code, null, now)));
            await db.SaveChangesAsync(cancellationToken);
            LogSeededDepartments(logger, DefaultDepartments.Count);
        }

        // The business calendar and SLA targets start as the configuration's defaults; operators change them via the API.
        var settings = provider.GetRequiredService<ISettingsStore>();
        var schedules = provider.GetRequiredService<ISlaScheduleProvider>();
        if (await settings.GetAsync<CalendarSettings>(CalendarSettings.Key, cancellationToken) is null)
        {
            await settings.SaveAsync(CalendarSettings.Key, schedules.DefaultCalendar, null, cancellationToken);
        }

        if (await settings.GetAsync<SlaPolicySettings>(SlaPolicySettings.Key, cancellationToken) is null)
        {
            await settings.SaveAsync(SlaPolicySettings.Key, schedules.DefaultPolicy, null, cancellationToken);
        }

        // Mainland China's holiday years ship as unreviewed years of the default calendar, where none was entered.
        foreach (var (year, days) in MainlandChinaHolidays.Years)
        {
            var key = CalendarKeys.Year(CalendarNames.Default, year);
            if (await settings.GetAsync<CalendarYear>(key, cancellationToken) is null)
            {
                await settings.SaveAsync(key, days, null, cancellationToken);
            }
        }

        schedules.Invalidate();

        var hasher = provider.GetRequiredService<IPasswordHasher>();
        var policy = provider.GetRequiredService<IOptions<PasswordPolicyOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(bootstrap.AdminEmail) && !string.IsNullOrWhiteSpace(bootstrap.AdminPassword)
            && !await db.Staff.AnyAsync(s => s.IsActive && s.Roles.Contains(Role.Admin), cancellationToken))
        {
            EnsureAcceptable(bootstrap.AdminPassword, bootstrap.AdminEmail, policy, "CustomerCare:Bootstrap:AdminPassword");
            await EnsureStaffAsync(db, hasher, time, bootstrap.AdminEmail, bootstrap.AdminName, Role.Admin, bootstrap.AdminPassword, cancellationToken);
            LogBootstrapAdmin(logger, bootstrap.AdminEmail);
        }

        if (!string.IsNullOrWhiteSpace(bootstrap.DemoStaffPassword))
        {
            foreach (var (email, name, role) in DemoStaff)
            {
                EnsureAcceptable(bootstrap.DemoStaffPassword, email, policy, "CustomerCare:Bootstrap:DemoStaffPassword");
                await EnsureStaffAsync(db, hasher, time, email, name, role, bootstrap.DemoStaffPassword, cancellationToken, onlyIfMissing: true);
            }
        }

        await MeasureWorkingTimesAsync(db, cancellationToken);
        await provider.SeedDemoDataAsync(cancellationToken);
    }

    /// <summary>
    /// Complaints stored before working times were measured get them now, in batches (a no-op once done, and on a new
    /// database): the SLA interceptor measures every complaint it saves.
    /// </summary>
    private static async Task MeasureWorkingTimesAsync(CustomerCareDbContext db, CancellationToken cancellationToken)
    {
        var after = Guid.Empty;
        while (true)
        {
            var batch = await db.Complaints
                .Where(c => c.Id.CompareTo(after) > 0
                    && ((c.FirstResponseTime == null && (c.FirstContactAt != null || c.SolutionProposedAt != null))
                        || (c.ResolutionTime == null && c.Resolution != null)))
                .OrderBy(c => c.Id).Take(200).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var complaint in batch)
            {
                db.Entry(complaint).State = EntityState.Modified;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }
    }

    private static async Task EnsureStaffAsync(
        CustomerCareDbContext db, IPasswordHasher hasher, TimeProvider time, string email, string name, Role role, string password,
        CancellationToken cancellationToken, bool onlyIfMissing = false)
    {
        var now = time.GetUtcNow();
        var normalised = StaffMember.NormaliseEmail(email);
        var existing = await db.Staff.SingleOrDefaultAsync(s => s.Email == normalised, cancellationToken);
        if (existing is not null && onlyIfMissing)
        {
            return;
        }

        var department = await db.Departments.Where(d => d.IsActive).OrderBy(d => d.Code != CustomerServiceCode).ThenBy(d => d.CreatedAt)
            .FirstAsync(cancellationToken);
        if (existing is null)
        {
            db.Staff.Add(StaffMember.Create(name, normalised, department.Id, [role], hasher.Hash(password), now));
        }
        else
        {
            // The configured administrator exists but lost access: give it back.
            existing.Update(existing.Name, existing.Email, existing.DepartmentId, existing.Roles.Append(role), now);
            existing.ChangePassword(hasher.Hash(password), now);
            existing.Activate(now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void EnsureAcceptable(string password, string email, PasswordPolicyOptions policy, string setting)
    {
        var validator = new InlineValidator<string>();
        validator.RuleFor(p => p).Password(policy, _ => email);
        var result = validator.Validate(password);
        if (!result.IsValid)
        {
            throw new InvalidOperationException($"{setting} does not meet the password policy: {string.Join(" ", result.Errors.Select(e => e.ErrorMessage))}");
        }
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Seeded {Count} default departments")]
    private static partial void LogSeededDepartments(ILogger logger, int count);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Bootstrap administrator {Email} is ready")]
    private static partial void LogBootstrapAdmin(ILogger logger, string email);
}
