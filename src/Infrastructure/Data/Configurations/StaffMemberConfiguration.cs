using CustomerCare.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCare.Infrastructure.Data.Configurations;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("staff");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(StaffMember.NameMaxLength).IsRequired();
        builder.Property(s => s.Email).HasMaxLength(StaffMember.EmailMaxLength).IsRequired();
        builder.HasIndex(s => s.Email).IsUnique();
        builder.HasOne<Department>().WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.DepartmentId);

        // Roles as a PostgreSQL text[] of role names.
        builder.PrimitiveCollection(s => s.Roles)
            .HasField("_roles")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .ElementType(e => e.HasConversion<string>().HasMaxLength(40))
            .IsRequired();

        builder.Property(s => s.PasswordHash).HasMaxLength(1000).IsRequired();
        builder.Property(s => s.Version).IsRowVersion();
        builder.Ignore(s => s.DomainEvents);
    }
}
