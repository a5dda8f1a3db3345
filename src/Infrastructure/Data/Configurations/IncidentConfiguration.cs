using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCare.Infrastructure.Data.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("incidents");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Title).HasMaxLength(Incident.TitleMaxLength).IsRequired();
        builder.Property(i => i.Description).HasMaxLength(Incident.DescriptionMaxLength);
        builder.Property(i => i.Cause).HasMaxLength(ClassificationTerm.CodeMaxLength).IsRequired();
        builder.HasOne<ComplaintCause>().WithMany().HasForeignKey(i => i.Cause).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Product).HasMaxLength(Complaint.ProductMaxLength);
        builder.Property(i => i.Region).HasMaxLength(Incident.RegionMaxLength);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Resolution).HasMaxLength(Incident.ResolutionMaxLength);
        builder.HasIndex(i => new { i.Status, i.StartedAt });
        builder.Property(i => i.Version).IsRowVersion();
        builder.Ignore(i => i.DomainEvents);
    }
}
