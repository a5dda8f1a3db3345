using CustomerCare.Domain.Organisation;
using CustomerCare.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerCare.Infrastructure.Data.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("departments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Name).HasMaxLength(Department.NameMaxLength).IsRequired();
        builder.Property(d => d.Code).HasMaxLength(Department.CodeMaxLength).IsRequired();
        builder.HasIndex(d => d.Code).IsUnique();
        builder.HasOne<Department>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(d => d.SupervisorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.ParentId);
        builder.Property(d => d.Calendar).HasMaxLength(Domain.Sla.CalendarNames.MaxLength);
        builder.Property(d => d.Version).IsRowVersion();
        builder.Ignore(d => d.DomainEvents);
    }
}

/// <summary>A department's group robots, their webhook address and signing secret encrypted on their way into the database.</summary>
internal sealed class DepartmentRobotConfiguration(StoredSecretProtector protector)
{
    public void Configure(EntityTypeBuilder<DepartmentRobot> builder)
    {
        var encrypted = new ValueConverter<string, string>(v => protector.ProtectSecret(v), v => protector.UnprotectSecret(v));
        builder.ToTable("department_robots");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.WebhookUrl).IsRequired().HasConversion(encrypted);
        builder.Property(r => r.Secret).HasConversion(encrypted!);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.DepartmentId, r.Kind }).IsUnique();
        builder.Ignore(r => r.MaskedUrl);
    }
}
