using CustomerCare.Domain.CareTasks;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Feedback;
using CustomerCare.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCare.Infrastructure.Data.Configurations;

internal sealed class CustomerFeedbackConfiguration : IEntityTypeConfiguration<CustomerFeedback>
{
    public void Configure(EntityTypeBuilder<CustomerFeedback> builder)
    {
        builder.ToTable("customer_feedback");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.HasOne<Customer>().WithMany().HasForeignKey(f => f.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(f => f.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(f => f.HandlerId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.AnsweredVia).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Subject).HasMaxLength(CustomerFeedback.SubjectMaxLength).IsRequired();
        builder.Property(f => f.Text).HasMaxLength(CustomerFeedback.TextMaxLength).IsRequired();
        builder.Property(f => f.Answer).HasMaxLength(CustomerFeedback.AnswerMaxLength);
        builder.HasOne<Domain.ImprovementActions.ImprovementAction>().WithMany().HasForeignKey(f => f.ImprovementActionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Version).IsRowVersion();
        builder.HasIndex(f => new { f.Status, f.CreatedAt });
        builder.HasIndex(f => new { f.CustomerId, f.CreatedAt });
        builder.HasIndex(f => f.HandlerId);
        builder.Ignore(f => f.AllowedMoves);
        builder.Ignore(f => f.DomainEvents);
    }
}

internal sealed class CareTaskConfiguration : IEntityTypeConfiguration<CareTask>
{
    public void Configure(EntityTypeBuilder<CareTask> builder)
    {
        builder.ToTable("care_tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Complaint>().WithMany().HasForeignKey(t => t.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(t => t.CompletedById).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Result).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Subject).HasMaxLength(CareTask.SubjectMaxLength).IsRequired();
        builder.Property(t => t.Notes).HasMaxLength(CareTask.NotesMaxLength);
        builder.Property(t => t.Outcome).HasMaxLength(CareTask.NotesMaxLength);
        builder.Property(t => t.Version).IsRowVersion();
        // The lists: open tasks by day (due today, overdue), by owner, by customer.
        builder.HasIndex(t => t.DueOn).HasFilter("status = 'Open'");
        builder.HasIndex(t => new { t.OwnerId, t.DueOn }).HasFilter("status = 'Open'");
        builder.HasIndex(t => new { t.CustomerId, t.DueOn });
        builder.HasIndex(t => t.ComplaintId);
        builder.Ignore(t => t.DomainEvents);
    }
}
