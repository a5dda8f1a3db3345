using System.Globalization;
using CustomerCare.Application.Calendars;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Localization;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints;
using CustomerCare.Application.Settings;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
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
        (ComplaintCategories.ProductDepartmentCode, "Product"),
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

        await SeedClassificationAsync(db, provider.GetRequiredService<IOptions<ComplaintOptions>>().Value, time.GetUtcNow(), cancellationToken);

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

        await MeasureWorkingTimesAsync(db, settings, cancellationToken);
        await ReindexCustomerNamesAsync(db, settings, provider.GetRequiredService<IPersonalDataIndex>(), cancellationToken);
        await provider.SeedDemoDataAsync(cancellationToken);
    }

    /// <summary>
    /// Categories and causes start as the domain brief's defaults, once: when none is stored (a new database, or the first
    /// start after categories became data). The categories an operator had configured come along, and so does every
    /// code complaints already have, routed to customer service until an administrator says otherwise.
    /// </summary>
    private static async Task SeedClassificationAsync(CustomerCareDbContext db, ComplaintOptions options, DateTimeOffset now, CancellationToken ct)
    {
        if (!await db.ComplaintCategories.AnyAsync(ct))
        {
            var departments = await db.Departments.Where(d => d.IsActive).ToDictionaryAsync(d => d.Code, d => d.Id, StringComparer.OrdinalIgnoreCase, ct);
            var fallback = departments.TryGetValue(CustomerServiceCode, out var service) ? service : departments.Values.First();
            var routing = new Dictionary<string, string>(ComplaintCategories.DefaultRouting, StringComparer.Ordinal);
            foreach (var (code, department) in options.Categories)
            {
                routing[code] = department;
            }

            foreach (var code in await db.Complaints.Where(c => c.Category != null).Select(c => c.Category!).Distinct().ToListAsync(ct))
            {
                routing.TryAdd(code, CustomerServiceCode);
            }

            db.ComplaintCategories.AddRange(routing.Where(r => ClassificationTerm.IsCode(r.Key)).Select(r => ComplaintCategory.Create(
                r.Key, Name("Category", r.Key, English), Name("Category", r.Key, Chinese),
                departments.TryGetValue(r.Value, out var id) ? id : fallback, true, now)));
        }

        if (!await db.ComplaintCauses.AnyAsync(ct))
        {
            var codes = ComplaintCauses.Defaults.Union(await db.Complaints
                .Where(c => EF.Property<string?>(c, ClassificationRules.CauseColumn) != null)
                .Select(c => EF.Property<string>(c, ClassificationRules.CauseColumn)).Distinct().ToListAsync(ct));
            db.ComplaintCauses.AddRange(codes.Where(ClassificationTerm.IsCode).Select(code =>
                ComplaintCause.Create(code, Name("Cause", code, English), Name("Cause", code, Chinese), true, now)));
        }

        if (!await db.CustomerGrades.AnyAsync(ct))
        {
            db.CustomerGrades.AddRange(CustomerGrades.Defaults.Select(grade =>
                CustomerGrade.Create(grade.Code, Name("Grade", grade.Code, English), Name("Grade", grade.Code, Chinese), grade.IsKey, true, now)));
        }

        await db.SaveChangesAsync(ct);
    }

    private static readonly CultureInfo English = CultureInfo.InvariantCulture;
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private static string Name(string set, string code, CultureInfo culture)
    {
        var name = Texts.DisplayName(set, code, culture);
        return name.Length <= ClassificationTerm.NameMaxLength ? name : name[..ClassificationTerm.NameMaxLength];
    }

    /// <summary>The way name keys are made now (2: Chinese names also by surname and by every two consecutive characters).</summary>
    private const int NameKeysVersion = 2;

    private sealed record NameKeysMarker(int Version);

    /// <summary>
    /// Customers stored before names were indexed the current way get their keys again, in batches, once (a marker in
    /// the settings says which way the stored keys were made; an empty database starts with it).
    /// </summary>
    private static async Task ReindexCustomerNamesAsync(CustomerCareDbContext db, ISettingsStore settings, IPersonalDataIndex index, CancellationToken ct)
    {
        const string key = "customerNameKeys";
        if ((await settings.GetAsync<NameKeysMarker>(key, ct))?.Value.Version >= NameKeysVersion)
        {
            return;
        }

        var after = Guid.Empty;
        while (true)
        {
            var batch = await db.Customers.Where(c => c.Id.CompareTo(after) > 0 && c.ErasedAt == null).OrderBy(c => c.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var customer in batch)
            {
                customer.ReindexName(index.NameKeys(customer.Name));
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }

        await settings.SaveAsync(key, new NameKeysMarker(NameKeysVersion), null, ct);
    }

    private sealed record WorkingTimesMarker(int Version);

    /// <summary>
    /// Complaints stored before working times were measured get them now, in batches, once: a marker in the settings says
    /// it was done (since then the SLA interceptor measures every complaint it saves). Without the marker every start
    /// walked the whole complaints table, which on a million complaints and a cold cache outlasted the command timeout
    /// and stopped the API from starting.
    /// </summary>
    private static async Task MeasureWorkingTimesAsync(CustomerCareDbContext db, ISettingsStore settings, CancellationToken cancellationToken)
    {
        const string key = "complaintWorkingTimes";
        if ((await settings.GetAsync<WorkingTimesMarker>(key, cancellationToken))?.Value.Version >= 1)
        {
            return;
        }

        var after = Guid.Empty;
        while (true)
        {
            var batch = await db.Complaints
                .Where(c => c.Id.CompareTo(after) > 0
                    && ((c.FirstResponseTime == null && (c.FirstContactAt != null || c.SolutionProposedAt != null))
                        || (c.ResolutionTime == null && c.Resolution != null)
                        || (c.ApprovalTime == null && c.SolutionApprovedAt != null)))
                .OrderBy(c => c.Id).Take(200).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var complaint in batch)
            {
                db.Entry(complaint).State = EntityState.Modified;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }

        await settings.SaveAsync(key, new WorkingTimesMarker(1), null, cancellationToken);
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
