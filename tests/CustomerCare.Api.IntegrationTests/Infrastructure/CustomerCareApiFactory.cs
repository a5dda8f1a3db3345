using CustomerCare.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Api.IntegrationTests.Infrastructure;

/// <summary>The real API in memory, on the real database, configured the way an operator would: by settings alone.</summary>
public sealed class CustomerCareApiFactory(
    string connectionString, bool migrateOnStartup = true, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@tests.example";
    public const string AdminPassword = "Bootstrap-Secr3t-For-Tests";
    public const string Issuer = "customercare-tests";
    public const string Audience = "customercare-api-tests";

    /// <summary>The key tokens are signed with, known to tests so that they can forge bad ones.</summary>
    public static readonly byte[] SigningKey = Enumerable.Range(1, 48).Select(i => (byte)(i * 7)).ToArray();

    /// <summary>One key ring for every host of the test run, as replicas of one deployment share theirs.</summary>
    public static readonly string KeyDirectory = Path.Combine(RepositoryRoot.Find(), ".data", "test-keys");

    /// <summary>Where the tests' evidence files are kept (the disk store).</summary>
    public static readonly string AttachmentDirectory = Path.Combine(RepositoryRoot.Find(), ".data", "test-attachments");

    /// <summary>A client whose every answer is held to the contract (<see cref="ContractCheckingHandler"/>).</summary>
    public new HttpClient CreateClient() => ContractCheckedClients.Create(this);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.AddProvider(TestLogs.Provider));
        // Pooled contexts keep EF Core's answer to "is anyone listening?" for a second (LoggingCacheTime): a test that
        // starts watching the statements (SqlCommandsSeen) right before a request must be heard by that request.
        builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<CustomerCareDbContext>(options => options.ConfigureLoggingCacheTime(TimeSpan.Zero)));
        builder.UseSetting("ConnectionStrings:CustomerCare", connectionString);
        builder.UseSetting("CustomerCare:Database:MigrateOnStartup", migrateOnStartup ? "true" : "false");
        builder.UseSetting("CustomerCare:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("CustomerCare:Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("CustomerCare:Auth:SigningKey", Convert.ToBase64String(SigningKey));
        builder.UseSetting("CustomerCare:Auth:Issuer", Issuer);
        builder.UseSetting("CustomerCare:Auth:Audience", Audience);
        builder.UseSetting("CustomerCare:PersonalData:KeyDirectory", KeyDirectory);
        builder.UseSetting("CustomerCare:Attachments:Directory", AttachmentDirectory);
        // Tests drive the SLA scanner themselves, at the times they choose.
        builder.UseSetting("CustomerCare:Sla:ScanInterval", "00:00:00");
        builder.UseSetting("CustomerCare:Surveys:CampaignInterval", "00:00:00");
        // Reports computed afresh: a test reads what it has just written. ReportCacheTests turn the cache on.
        builder.UseSetting("CustomerCare:Reports:CacheFor", "00:00:00");
        // Every test signs in from the same (absent) address: rate limits are tested with a host of their own.
        builder.UseSetting("CustomerCare:Limits:Anonymous:PermitLimit", "1000000");
        builder.UseSetting("CustomerCare:Limits:User:PermitLimit", "1000000");
        builder.UseSetting("CustomerCare:Limits:Partner:PermitLimit", "1000000");
        // Likewise the webhook dispatcher; receivers in tests listen on loopback over plain http, and fail fast.
        builder.UseSetting("CustomerCare:Webhooks:DispatchInterval", "00:00:00");
        builder.UseSetting("CustomerCare:Webhooks:AllowHttp", "true");
        builder.UseSetting("CustomerCare:Webhooks:AllowPrivateNetworks", "true");
        builder.UseSetting("CustomerCare:Webhooks:MaxAttempts", "4");
        builder.UseSetting("CustomerCare:Webhooks:ImmediateRetries", "1");
        builder.UseSetting("CustomerCare:Webhooks:ImmediateRetryDelay", "00:00:00.010");
        builder.UseSetting("CustomerCare:Webhooks:RetryBaseDelay", "00:00:00.050");
        builder.UseSetting("CustomerCare:Webhooks:RetryMaxDelay", "00:00:00.200");
        builder.UseSetting("CustomerCare:Webhooks:AttemptTimeout", "00:00:05");
        builder.UseSetting("CustomerCare:Webhooks:BreakerMinimumThroughput", "1000");
        // And the notification dispatcher; without an SMTP server or SMS gateway configured, notifications are recorded as not sent.
        builder.UseSetting("CustomerCare:Notifications:DispatchInterval", "00:00:00");
        // Import jobs start when queued on the same host; other hosts of a test (replicas) do not poll for them, so that a
        // test that drives a job by hand is not overtaken.
        builder.UseSetting("CustomerCare:Import:PollInterval", "01:00:00");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
