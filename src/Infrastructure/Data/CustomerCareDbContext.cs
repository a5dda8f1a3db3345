using CustomerCare.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Infrastructure.Data;

public sealed class CustomerCareDbContext(DbContextOptions<CustomerCareDbContext> options)
    : DbContext(options), IApplicationDbContext
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One IEntityTypeConfiguration<T> per entity under Data/Configurations.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CustomerCareDbContext).Assembly);
    }
}
