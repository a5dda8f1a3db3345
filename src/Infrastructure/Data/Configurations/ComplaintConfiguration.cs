using CustomerCare.Application.Complaints.Queries.GetChangeFeed;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Organisation;
using CustomerCare.Domain.Partners;
using CustomerCare.Domain.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCare.Infrastructure.Data.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public const string NumberSequence = "complaint_number_seq";

    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("complaints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(Complaint.NumberMaxLength).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Category).HasMaxLength(ComplaintCategories.MaxLength);
        builder.Property(c => c.Product).HasMaxLength(Complaint.ProductMaxLength);
        builder.Property(c => c.Location).HasMaxLength(Complaint.LocationMaxLength);
        builder.Property(c => c.Scope).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Domain.Incidents.Incident>().WithMany().HasForeignKey(c => c.IncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.IncidentId).HasFilter("incident_id IS NOT NULL");
        builder.Property(c => c.Title).HasMaxLength(Complaint.TitleMaxLength).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(Complaint.DescriptionMaxLength).IsRequired();
        builder.Property(c => c.RemedySought).HasMaxLength(Complaint.RemedyMaxLength);
        builder.Property(c => c.ExternalReference).HasMaxLength(Complaint.ExternalReferenceMaxLength);
        builder.Property(c => c.Version).IsRowVersion();

        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partner>().WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.FirstResponderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(c => c.ResponsibleDepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Complaint>().WithMany().HasForeignKey(c => c.ReComplaintOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Complaint>().WithMany().HasForeignKey(c => c.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Complaint>().WithMany().HasForeignKey(c => c.RepeatOfId).OnDelete(DeleteBehavior.Restrict);

        // A partner's reference names one complaint: the idempotency of partner intake rests on this index.
        builder.HasIndex(c => new { c.PartnerId, c.ExternalReference }).IsUnique().HasFilter("external_reference IS NOT NULL");
        // The list filters: newest first within each (the report index below serves the unfiltered list).
        builder.HasIndex(c => new { c.Status, c.ReceivedAt });
        // With the id too: a department's queue, newest first (ties by id), is read in index order and stops after a page.
        builder.HasIndex(c => new { c.ResponsibleDepartmentId, c.Status, c.ReceivedAt, c.Id });
        builder.HasIndex(c => new { c.AssigneeId, c.ReceivedAt });
        builder.HasIndex(c => new { c.FirstResponderId, c.ReceivedAt });
        builder.HasIndex(c => new { c.CustomerId, c.Category, c.ReceivedAt });
        builder.HasIndex(c => new { c.Category, c.ReceivedAt });
        builder.HasIndex(c => c.ReComplaintOfId);

        // The reports read a period's complaints from this index alone (an index-only scan): everything they group by
        // and count is in it. Satisfaction and "resolved" are columns the database derives from the JSON it stores.
        builder.Property<int?>(ReportColumns.Satisfaction).HasComputedColumnSql("(closing ->> 'Satisfaction')::integer", stored: true);
        builder.Property<bool>(ReportColumns.Resolved).HasComputedColumnSql("resolution IS NOT NULL", stored: true);
        builder.Property<string?>(ReportColumns.Cause).HasComputedColumnSql("(investigation ->> 'Cause')", stored: true)
            .HasMaxLength(Domain.Complaints.ClassificationTerm.CodeMaxLength);
        builder.HasIndex(ReportColumns.Cause).HasFilter("cause IS NOT NULL");
        builder.Property<decimal?>(ReportColumns.CompensationAmount).HasComputedColumnSql("(resolution ->> 'CompensationAmount')::numeric", stored: true);
        builder.Property<string?>(ReportColumns.CompensationCurrency).HasComputedColumnSql("(resolution ->> 'CompensationCurrency')", stored: true)
            .HasMaxLength(3);
        builder.HasIndex(c => c.ReceivedAt).HasDatabaseName("ix_complaints_report")
            .IncludeProperties(
                nameof(Complaint.Status), nameof(Complaint.Category), nameof(Complaint.Channel), nameof(Complaint.Severity),
                nameof(Complaint.ResponsibleDepartmentId), nameof(Complaint.AssigneeId), nameof(Complaint.Product), nameof(Complaint.ReopenCount),
                nameof(Complaint.ReComplaintOfId), nameof(Complaint.FirstResponseTime), nameof(Complaint.ResolutionTime),
                nameof(Complaint.SlaStarted), nameof(Complaint.SlaMet), nameof(Complaint.SlaMissed), ReportColumns.Satisfaction, ReportColumns.Resolved,
                ReportColumns.Cause, nameof(Complaint.RepeatOfId), nameof(Complaint.EscalationLevel), nameof(Complaint.ApprovalTime),
                ReportColumns.CompensationAmount, ReportColumns.CompensationCurrency);

        builder.OwnsOne(c => c.Investigation, i =>
        {
            i.ToJson("investigation");
            i.PrimitiveCollection(x => x.Evidence);
        });
        // The overdue list and the open-breaches report look for open complaints with a solution step past due.
        builder.HasIndex(c => c.NextStepDueAt).HasFilter("next_step_due_at IS NOT NULL");
        builder.OwnsOne(c => c.Solution, s =>
        {
            s.ToJson("solution");
            s.Property(x => x.CommunicatedVia).HasConversion<string>();
            s.OwnsMany(x => x.Steps);
        });
        builder.OwnsOne(c => c.PendingSolution, s =>
        {
            s.ToJson("pending_solution");
            s.Property(x => x.CommunicatedVia).HasConversion<string>();
            s.OwnsMany(x => x.Steps);
        });
        builder.OwnsOne(c => c.CustomerResponse, r => r.ToJson("customer_response"));
        builder.OwnsOne(c => c.Resolution, r => { r.ToJson("resolution"); r.Property(x => x.FedBackVia).HasConversion<string>(); });
        builder.OwnsOne(c => c.RegistrationNotice, n => { n.ToJson("registration_notice"); n.Property(x => x.Via).HasConversion<string>(); });
        builder.OwnsOne(c => c.Closing, c => { c.ToJson("closing"); c.Property(x => x.Reason).HasConversion<string>(); });

        builder.HasMany(c => c.SlaClocks).WithOne().HasForeignKey(k => k.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.SlaClocks).HasField("_slaClocks").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(c => c.Timeline).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Timeline).HasField("_timeline").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.DomainEvents);
        builder.Ignore(c => c.AllowedActions);
        builder.Ignore(c => c.IsOpen);
    }
}

internal sealed class SlaClockConfiguration : IEntityTypeConfiguration<SlaClock>
{
    public void Configure(EntityTypeBuilder<SlaClock> builder)
    {
        builder.ToTable("complaint_sla_clocks");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Milestone).HasConversion<string>().HasMaxLength(30);
        builder.Property(k => k.Basis).HasConversion<string>().HasMaxLength(20);
        builder.Property(k => k.Calendar).HasMaxLength(Domain.Sla.CalendarNames.MaxLength).IsRequired();
        builder.HasIndex(k => new { k.ComplaintId, k.Milestone }).IsUnique();
        // The sla filters look for unmet clocks by due time.
        builder.HasIndex(k => k.DueAt).HasFilter("met_at IS NULL");
        builder.HasIndex(k => k.AtRiskFrom).HasFilter("met_at IS NULL");
        // The breach worker's two claims (SlaScanner): only the clocks still to note. An unmet clock stays unmet for as
        // long as its complaint is open, so the indexes above keep every clock already breached; walking those on every
        // pass cost 1.6 s with a million complaints.
        builder.HasIndex(k => k.DueAt, "BreachDue").HasDatabaseName("ix_complaint_sla_clocks_breach_due")
            .HasFilter("met_at IS NULL AND paused_at IS NULL AND breached_at IS NULL");
        builder.HasIndex(k => k.AtRiskFrom, "RiskDue").HasDatabaseName("ix_complaint_sla_clocks_risk_due")
            .HasFilter("met_at IS NULL AND paused_at IS NULL AND breached_at IS NULL AND at_risk_notified_at IS NULL");
    }
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.ToTable("complaint_timeline");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasIndex(e => new { e.ComplaintId, e.Sequence }).IsUnique();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ActorKind).HasMaxLength(20).IsRequired();
        builder.Property(e => e.Text).HasMaxLength(TimelineEntry.TextMaxLength);

        // The change feed's order: the writing transaction, then insert order (see GetChangeFeedQuery).
        builder.Property<long>(ChangeFeedColumns.Transaction).HasColumnName("transaction_id")
            .HasDefaultValueSql("(pg_current_xact_id()::text::bigint)").ValueGeneratedOnAdd();
        builder.Property<long>(ChangeFeedColumns.Position).HasColumnName("position").UseIdentityAlwaysColumn();
        builder.HasIndex(ChangeFeedColumns.Transaction, ChangeFeedColumns.Position);
    }
}

/// <summary>Columns of <c>complaints</c> that only the reports read (derived by the database, not mapped on the aggregate).</summary>
internal static class ReportColumns
{
    public const string Satisfaction = "Satisfaction";
    public const string Resolved = "Resolved";

    /// <summary>The investigation's cause code, a column so that reports group by it from the index.</summary>
    public const string Cause = Application.Complaints.ClassificationRules.CauseColumn;

    /// <summary>The resolution's compensation, columns so that reports sum it per currency from the index.</summary>
    public const string CompensationAmount = "CompensationAmount";

    /// <inheritdoc cref="CompensationAmount"/>
    public const string CompensationCurrency = "CompensationCurrency";
}
