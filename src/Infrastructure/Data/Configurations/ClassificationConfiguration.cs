using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCare.Infrastructure.Data.Configurations;

internal sealed class ComplaintCategoryConfiguration : IEntityTypeConfiguration<ComplaintCategory>
{
    public void Configure(EntityTypeBuilder<ComplaintCategory> builder)
    {
        builder.ToTable("complaint_categories");
        ClassificationColumns.Configure(builder);
        builder.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.DepartmentId);
    }
}

internal sealed class ComplaintCauseConfiguration : IEntityTypeConfiguration<ComplaintCause>
{
    public void Configure(EntityTypeBuilder<ComplaintCause> builder)
    {
        builder.ToTable("complaint_causes");
        ClassificationColumns.Configure(builder);
    }
}

internal sealed class CustomerGradeConfiguration : IEntityTypeConfiguration<CustomerGrade>
{
    public void Configure(EntityTypeBuilder<CustomerGrade> builder)
    {
        builder.ToTable("customer_grades");
        ClassificationColumns.Configure(builder);
    }
}

internal static class ClassificationColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> builder)
        where T : ClassificationTerm
    {
        builder.HasKey(t => t.Code);
        builder.Property(t => t.Code).HasMaxLength(ClassificationTerm.CodeMaxLength);
        builder.Property(t => t.NameEn).HasMaxLength(ClassificationTerm.NameMaxLength).IsRequired();
        builder.Property(t => t.NameZhCn).HasMaxLength(ClassificationTerm.NameMaxLength).IsRequired();
        builder.Property(t => t.Version).IsRowVersion();
    }
}
