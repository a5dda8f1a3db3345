using System.Text.Json;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Imports;
using CustomerCare.Domain.Partners;
using CustomerCare.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCare.Infrastructure.Data.Configurations;

/// <summary>
/// Import jobs: the file names customers, so it is encrypted on its way in (and dropped when the job ends). A runner holds
/// a job until <c>held_until</c> (taken in SQL, renewed with each batch); the report lines are their own table, written
/// with each batch.
/// </summary>
internal sealed class ComplaintImportConfiguration(PersonalDataProtector protector)
{
    public void Configure(EntityTypeBuilder<ComplaintImport> builder)
    {
        builder.ToTable("complaint_imports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasOne<Partner>().WithMany().HasForeignKey(i => i.PartnerId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Format).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.File).HasConversion(CustomerConfiguration.Encrypted(protector)!);
        builder.Property(i => i.Failure).HasMaxLength(ComplaintImport.FailureMaxLength);
        builder.Property(i => i.Version).IsRowVersion();
        builder.HasIndex(i => new { i.PartnerId, i.CreatedAt });
        builder.HasIndex(i => i.CreatedAt).HasFilter("status IN ('Queued', 'Running')").HasDatabaseName("ix_complaint_imports_unfinished");
        builder.HasMany(i => i.Rows).WithOne().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Rows).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(i => i.DomainEvents);
        builder.Ignore(i => i.IsFinished);
    }

    public static void Configure(EntityTypeBuilder<ComplaintImportRow> builder)
    {
        builder.ToTable("complaint_import_rows");
        builder.HasKey(r => new { r.ImportId, r.Line });
        builder.Property(r => r.ExternalReference).HasMaxLength(ComplaintImportRow.ReferenceMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Number).HasMaxLength(Complaint.NumberMaxLength);
        builder.Property(r => r.Errors).HasColumnType("jsonb").HasConversion(
            v => v == null ? null : JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
            v => v == null ? null : JsonSerializer.Deserialize<Dictionary<string, string[]>>(v, (JsonSerializerOptions?)null),
            new ValueComparer<Dictionary<string, string[]>?>(
                (a, b) => ReferenceEquals(a, b), v => v == null ? 0 : v.Count, v => v));
    }
}
