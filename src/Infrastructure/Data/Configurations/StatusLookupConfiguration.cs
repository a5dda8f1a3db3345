using CustomerCare.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCare.Infrastructure.Data.Configurations;

/// <summary>Customers' status look-ups: found by number and contact key for the limits and the code check.</summary>
internal sealed class StatusLookupConfiguration : IEntityTypeConfiguration<StatusLookup>
{
    public void Configure(EntityTypeBuilder<StatusLookup> builder)
    {
        builder.ToTable("status_lookups");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.NumberKey).HasMaxLength(Complaint.NumberMaxLength).IsRequired();
        builder.Property(l => l.ContactKey).HasMaxLength(StatusLookup.KeyMaxLength).IsRequired();
        builder.Property(l => l.CodeHash).HasMaxLength(64);
        builder.HasIndex(l => new { l.NumberKey, l.CreatedAt });
        builder.HasIndex(l => new { l.ContactKey, l.CreatedAt });
        builder.HasOne<Complaint>().WithMany().HasForeignKey(l => l.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}
