using CustomerCare.Infrastructure.PersonalData;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerCare.Infrastructure.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without a running database or API configuration.
/// Adding a migration never connects; commands that do (<c>database update</c>) read
/// <c>ConnectionStrings__CustomerCare</c> from the environment.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CustomerCareDbContext>
{
    public CustomerCareDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__CustomerCare")
            ?? "Host=127.0.0.1;Database=customercare_design_time";
        var builder = new DbContextOptionsBuilder<CustomerCareDbContext>();
        DependencyInjection.ConfigureDbContext(builder, connectionString, new DatabaseOptions());
        // Building the model needs a protector, never a real key: design time encrypts nothing.
        var provider = DataProtectionProvider.Create("CustomerCare.DesignTime");
        return new CustomerCareDbContext(builder.Options, new PersonalDataProtector(provider), new StoredSecretProtector(provider));
    }
}
