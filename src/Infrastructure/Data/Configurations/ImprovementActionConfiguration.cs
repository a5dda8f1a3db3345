using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.ImprovementActions;
using CustomerCare.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCare.Infrastructure.Data.Configurations;

internal sealed class ImprovementActionConfiguration : IEntityTypeConfiguration<ImprovementAction>
{
    public void Configure(EntityTypeBuilder<ImprovementAction> builder)
    {
        builder.ToTable("improvement_actions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(ImprovementAction.TitleMaxLength).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(ImprovementAction.TextMaxLength);
        builder.Property(a => a.DoneNote).HasMaxLength(ImprovementAction.TextMaxLength);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Category).HasMaxLength(ClassificationTerm.CodeMaxLength);
        builder.Property(a => a.Cause).HasMaxLength(ClassificationTerm.CodeMaxLength);
        builder.HasOne<ComplaintCategory>().WithMany().HasForeignKey(a => a.Category).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ComplaintCause>().WithMany().HasForeignKey(a => a.Cause).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.Status, a.DueOn });
        builder.HasIndex(a => new { a.OwnerId, a.Status });
        builder.OwnsMany(a => a.Links, l =>
        {
            l.ToTable("improvement_action_links");
            l.WithOwner().HasForeignKey("ActionId");
            l.Property<Guid>("ActionId");
            l.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            l.HasKey("ActionId", nameof(ImprovementLink.Kind), nameof(ImprovementLink.TargetId));
            l.HasIndex(x => new { x.Kind, x.TargetId });
        });
        builder.Navigation(a => a.Links).HasField("_links").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsOne(a => a.Review, r => r.ToJson("review"));
        builder.Property(a => a.Version).IsRowVersion();
        builder.Ignore(a => a.DomainEvents);
        builder.Ignore(a => a.AllowedMoves);
    }
}
