using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:CustomerCare", connectionString);
        builder.UseSetting("CustomerCare:Database:MigrateOnStartup", migrateOnStartup ? "true" : "false");
        builder.UseSetting("CustomerCare:Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("CustomerCare:Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("CustomerCare:Auth:SigningKey", Convert.ToBase64String(SigningKey));
        builder.UseSetting("CustomerCare:Auth:Issuer", Issuer);
        builder.UseSetting("CustomerCare:Auth:Audience", Audience);
        builder.UseSetting("CustomerCare:PersonalData:KeyDirectory", KeyDirectory);
        // Tests drive the SLA scanner themselves, at the times they choose.
        builder.UseSetting("CustomerCare:Sla:ScanInterval", "00:00:00");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
