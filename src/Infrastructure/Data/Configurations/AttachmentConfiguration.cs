using CustomerCare.Domain.Attachments;
using CustomerCare.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCare.Infrastructure.Data.Configurations;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Complaint>().WithMany().HasForeignKey(a => a.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ComplaintId, a.UploadedAt });
        builder.Property(a => a.FileName).HasMaxLength(Attachment.FileNameMaxLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(Attachment.ContentTypeMaxLength).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(Attachment.Sha256Length).IsFixedLength().IsRequired();
        builder.Property(a => a.StorageKey).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.UploadedByKind).HasMaxLength(20).IsRequired();
        builder.Ignore(a => a.DomainEvents);
    }
}
