using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Organisation;
using CustomerCare.Domain.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.Data.Seeding;

/// <summary>Under <c>CustomerCare:Demo</c>: a realistic history for trying the API and the dashboard (scripts/run.sh turns it on).</summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "CustomerCare:Demo";

    /// <summary>Seed demo customers, handlers and complaints when the database holds no complaint at all.</summary>
    public bool SeedData { get; set; }

    /// <summary>About how many complaints the history holds (the daily counts are random around their share).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int Complaints { get; set; } = 900;

    /// <summary>How many days back the history reaches (two quarters by default).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3650)]
    public int Days { get; set; } = 200;

    /// <summary>The random generator's seed: the same seed and day give the same history.</summary>
    public int RandomSeed { get; set; } = 2026;
}

/// <summary>
/// Plays a plausible history through the domain model, event by event at past instants on the business calendar:
/// complaints arriving on working days (fewer at weekends) through weighted channels and categories, registered,
/// assigned, contacted, investigated, solved (sometimes rejected first, sometimes reopened), closed with satisfaction,
/// a few withdrawn or unfounded, a few re-complaints, a recent surge of logistics complaints; the most recent are still
/// open. Nothing after "now" happens. Domain events and webhook messages are dropped: this history is not news to partners.
/// </summary>
public static partial class DemoDataSeeder
{
    private static readonly (Channel Channel, int Weight)[] Channels =
        [(Channel.Phone, 35), (Channel.Email, 20), (Channel.WebForm, 15), (Channel.OnlineChat, 15), (Channel.Sms, 5), (Channel.SocialMedia, 5), (Channel.WalkIn, 5)];

    private static readonly (string Category, int Weight, (string Code, string Text)[] Causes)[] Categories =
    [
        ("productQuality", 25, [("terminal", "Supplier batch with faulty seals"), ("terminal", "Assembly defect"), ("terminal", "Material fatigue")]),
        ("serviceAttitude", 12, [("other", "Agent not following the script"), ("other", "Long hold times")]),
        ("afterSales", 15, [("other", "Spare parts out of stock"), ("other", "Technician late")]),
        ("priceBilling", 14, [("billingSystem", "Double charge by the payment provider"), ("packageRestriction", "Promotion not applied")]),
        ("orderProcessing", 8, [("billingSystem", "Order stuck in the warehouse system")]),
        ("logistics", 10, [("contentProvider", "Courier missed the delivery window"), ("contentProvider", "Parcel damaged in transit")]),
        ("technicalFault", 12, [("network", "Firmware bug"), ("personalOperation", "App crashes on login")]),
        ("fraud", 1, [("personalOperation", "Phishing using our brand")]),
        ("other", 3, [("other", "Unclear terms")]),
    ];

    private static readonly string[] Products = ["kettle-k2", "toaster-t1", "blender-b5", "air-fryer-a3", "vacuum-v9", "fan-f2", "broadband-100", "mobile-plan-s"];

    private static readonly string[] Surnames = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo"];

    private static readonly string[] GivenNames = ["Wei", "Fang", "Na", "Min", "Jing", "Lei", "Jun", "Yan", "Hao", "Ting", "Qiang", "Xiu", "Yong", "Li", "Jie", "Tao"];

    private static readonly (string Name, string Department)[] Handlers =
    [
        ("Wang Fang", "CS"), ("Li Na", "CS"), ("Chen Jie", "TS"), ("Liu Yang", "AS"), ("Zhao Min", "QA"), ("Sun Hao", "CR"),
    ];

    public static async Task SeedDemoDataAsync(this IServiceProvider provider, CancellationToken cancellationToken)
    {
        var options = provider.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        var db = provider.GetRequiredService<CustomerCareDbContext>();
        if (!options.SeedData || await db.Complaints.AnyAsync(cancellationToken))
        {
            return;
        }

        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoDataSeeder));
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var calendar = (await provider.GetRequiredService<ISlaScheduleProvider>().GetCurrentAsync(cancellationToken)).Calendar;
        var normaliser = provider.GetRequiredService<IContactNormaliser>();
        var index = provider.GetRequiredService<IPersonalDataIndex>();
        var hasher = provider.GetRequiredService<IPasswordHasher>();
        var random = new Random(options.RandomSeed);

        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Id, cancellationToken);
        var handlers = new List<(Guid Id, Guid Department)>();
        foreach (var (name, code) in Handlers.Where(h => departments.ContainsKey(h.Department)))
        {
            var email = $"{name.ToLowerInvariant().Replace(' ', '.')}@customercare.example";
            var staff = await db.Staff.SingleOrDefaultAsync(s => s.Email == email, cancellationToken);
            if (staff is null)
            {
                // Handlers of the demo history; they sign in only after an administrator resets their password.
                staff = StaffMember.Create(name, email, departments[code], [Role.Agent], hasher.Hash(Convert.ToBase64String(Guid.NewGuid().ToByteArray())), now);
                db.Staff.Add(staff);
            }

            handlers.Add((staff.Id, departments[code]));
        }

        var customers = new List<Guid>();
        for (var i = 0; i < Math.Max(20, options.Complaints / 3); i++)
        {
            var name = $"{Pick(random, Surnames)} {Pick(random, GivenNames)}";
            var phone = normaliser.NormalisePhone($"+86 139 {random.Next(1000, 9999)} {random.Next(1000, 9999)}")!;
            var segment = random.Next(10) == 0 ? "vip" : "standard";
            var profile = new CustomerProfile(name, index.NameKeys(name), null, segment, Channel.Phone, "zh-CN", new CustomerConsent(true, true, random.Next(3) == 0));
            var customer = Customer.Create(profile, [new NewContactPoint(ContactKind.Phone, phone, null, index.ContactKey(ContactKind.Phone, phone), true)], now.AddDays(-options.Days - 30));
            db.Customers.Add(customer);
            customers.Add(customer.Id);
        }

        await db.SaveChangesAsync(cancellationToken);

        var first = now.AddDays(-options.Days);
        var perDay = options.Complaints / (double)options.Days;
        var created = 0;
        var closed = new List<Complaint>();
        for (var day = calendar.DateOf(first); calendar.StartOfDay(day) < now; day = day.AddDays(1))
        {
            // Working days carry most complaints; the volume grows a little over the period, and logistics surges in the last month.
            var weight = (calendar.IsWorkingDay(day) ? 1.25 : 0.4) * (0.8 + (0.4 * (calendar.StartOfDay(day) - first).TotalDays / options.Days));
            var count = Poisson(random, perDay * weight);
            for (var n = 0; n < count; n++)
            {
                var receivedAt = calendar.StartOfDay(day) + TimeSpan.FromMinutes(random.Next(8 * 60, 21 * 60));
                if (receivedAt >= now)
                {
                    continue;
                }

                var surge = (now - receivedAt).TotalDays < 30 && random.Next(4) == 0;
                var complaint = await PlayAsync(db, random, calendar, now, receivedAt, Pick(random, customers), surge, handlers, departments, cancellationToken);
                if (complaint.Status == ComplaintStatus.Closed && complaint.Closing!.Reason == ClosingReason.Resolved && random.Next(30) == 0)
                {
                    closed.Add(complaint);
                }

                created++;
                if (created % 100 == 0)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
        }

        // A few customers come back unhappy after closing: re-complaints, one level higher.
        foreach (var original in closed)
        {
            var at = original.Closing!.ClosedAt + TimeSpan.FromDays(random.Next(1, 10));
            if (at < now)
            {
                var id = Guid.CreateVersion7();
                var number = ComplaintNumbersFor(at, await db.NextComplaintSequenceAsync(cancellationToken));
                var data = original.ReComplaint("It happened again after the fix.", "A refund", Channel.Phone, id, number, Actor.System, at);
                var recomplaint = Complaint.Receive(number, data, Actor.System, at, id);
                var registered = calendar.AddWorkingTime(at, TimeSpan.FromMinutes(random.Next(10, 50)));
                if (registered < now)
                {
                    recomplaint.Register(original.Category!, Severity.Major, true, original.ResponsibleDepartmentId, RepeatInfo.None, Actor.System, registered);
                }

                recomplaint.DequeueDomainEvents();
                original.DequeueDomainEvents();
                db.Complaints.Add(recomplaint);
                created++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        // The outbox interceptor staged webhook messages for every timeline entry; the database held no complaint before,
        // so every message is of this history, and none goes out.
        await db.OutboxMessages.ExecuteDeleteAsync(cancellationToken);
        LogSeeded(logger, customers.Count, created, options.Days);
    }

    private static async Task<Complaint> PlayAsync(
        CustomerCareDbContext db, Random random, BusinessCalendar calendar, DateTimeOffset now, DateTimeOffset receivedAt, Guid customerId, bool surge,
        List<(Guid Id, Guid Department)> handlers, Dictionary<string, Guid> departments, CancellationToken cancellationToken)
    {
        var channel = Weighted(random, Channels, c => c.Weight).Channel;
        var (category, _, causes) = surge ? Categories.Single(c => c.Category == "logistics") : Weighted(random, Categories, c => c.Weight);
        var product = random.Next(10) < 7 ? Pick(random, Products) : null;
        var number = ComplaintNumbersFor(receivedAt, await db.NextComplaintSequenceAsync(cancellationToken));
        var complaint = Complaint.Receive(number, new NewComplaint(channel, customerId, Title(category), "As told by the customer on first contact.",
            "Put it right", receivedAt.AddDays(-random.Next(0, 3)), receivedAt, null, null, null, null, Product: product), Actor.System, receivedAt);
        db.Complaints.Add(complaint);

        var handler = handlers.Count == 0 ? default : Pick(random, handlers);
        var agent = handlers.Count == 0 ? Actor.System : Actor.Staff(handler.Id);
        var t = receivedAt;
        bool Next(double minHours, double maxHours)
        {
            t = calendar.AddWorkingTime(t, TimeSpan.FromMinutes(random.Next((int)(minHours * 60), (int)(maxHours * 60) + 1)));
            return t < now;
        }

        var late = random.Next(10) == 0;
        if (!Next(late ? 1 : 0.1, late ? 4 : 0.9))
        {
            return Done();
        }

        var severity = random.Next(100) < 12 ? Severity.Major : Severity.General;
        var routed = ComplaintCategories.DefaultRouting.TryGetValue(category, out var code) && departments.TryGetValue(code, out var department) ? department : (Guid?)null;
        complaint.Register(category, severity, true, routed, RepeatInfo.None, agent, t);
        if (random.Next(100) < 4)
        {
            return Close(ClosingReason.Withdrawn, random.Next(2) == 0 ? 3 : null, 2, 20);
        }

        var assignee = handlers.Where(h => h.Department == routed).Select(h => (Guid?)h.Id).FirstOrDefault() ?? handler.Id;
        if (!Next(0.2, late ? 4 : 2))
        {
            return Done();
        }

        complaint.Assign(null, assignee, "Handles this category", agent, t);
        if (!Next(0.5, late ? 20 : 8))
        {
            return Done();
        }

        complaint.LogContact(channel, ContactDirection.Outbound, "Called the customer back to hear the details.", agent, t);
        if (!Next(1, late ? 24 : 12))
        {
            return Done();
        }

        var genuine = random.Next(100) >= 4;
        var (cause, rootCause) = Pick(random, causes);
        complaint.Investigate(new Investigation("Checked with the customer and the records.", genuine ? cause : null, rootCause, genuine, [], null), agent, t);
        if (!genuine)
        {
            return Close(ClosingReason.Unfounded, random.Next(2) == 0 ? 2 : null, 1, 8);
        }

        for (var attempt = 0; ; attempt++)
        {
            if (!Next(1, late ? 30 : 12))
            {
                return Done();
            }

            complaint.ProposeSolution(new ProposedSolution("Replacement or refund, as the customer prefers.", [], t, channel), agent, t);
            if (!Next(1, 16))
            {
                return Done();
            }

            var accepted = attempt > 0 || random.Next(100) >= 15;
            complaint.RecordCustomerResponse(new CustomerResponse(accepted, accepted ? "Agreed." : "Not good enough.", accepted ? null : "Escalation to a supervisor", t), agent, t);
            if (!accepted)
            {
                continue;
            }

            if (!Next(4, 30))
            {
                return Done();
            }

            complaint.Resolve(new Resolution("Carried out as agreed.", random.Next(4) == 0 ? random.Next(20, 300) : null, "CNY", null, t), agent, t);
            if (attempt == 0 && random.Next(100) < 8)
            {
                if (!Next(2, 24))
                {
                    return Done();
                }

                complaint.Reopen("The customer says the problem is back.", agent, t);
                continue;
            }

            var score = random.Next(100) switch { < 40 => 5, < 70 => 4, < 85 => 3, < 95 => 2, _ => 1 };
            return Close(ClosingReason.Resolved, random.Next(100) < 80 ? score : null, 1, 24);
        }

        Complaint Close(ClosingReason reason, int? satisfaction, double minHours, double maxHours)
        {
            if (Next(minHours, maxHours))
            {
                complaint.Close(new Closing(reason, satisfaction, null, t), null, agent, t);
            }

            return Done();
        }

        Complaint Done()
        {
            complaint.DequeueDomainEvents();
            return complaint;
        }
    }

    private static string ComplaintNumbersFor(DateTimeOffset at, long sequence) => Application.Complaints.ComplaintNumbers.Format(at, sequence);

    private static string Title(string category) => category switch
    {
        "productQuality" => "The product stopped working",
        "serviceAttitude" => "Rude treatment on the hotline",
        "afterSales" => "Repair not done as promised",
        "priceBilling" => "Charged twice for one order",
        "orderProcessing" => "Order never confirmed",
        "logistics" => "Delivery late or damaged",
        "technicalFault" => "Service keeps failing",
        "fraud" => "Suspicious message in our name",
        _ => "Something else went wrong",
    };

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static T Weighted<T>(Random random, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var roll = random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    /// <summary>Knuth's method: fine for the small daily means used here.</summary>
    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            k++;
        }

        return k;
    }

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Seeded demo data: {Customers} customers, {Complaints} complaints over {Days} days")]
    private static partial void LogSeeded(ILogger logger, int customers, int complaints, int days);
}
