using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerCare.Api.IntegrationTests.Infrastructure;

/// <summary>The real API in memory, on the real database, configured the way an operator would: by settings alone.</summary>
public sealed class CustomerCareApiFactory(string connectionString, bool migrateOnStartup = true)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:CustomerCare", connectionString);
        builder.UseSetting("CustomerCare:Database:MigrateOnStartup", migrateOnStartup ? "true" : "false");
    }
}
