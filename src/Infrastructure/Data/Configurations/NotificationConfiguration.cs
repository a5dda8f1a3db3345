using CustomerCare.Domain.Notifications;
using CustomerCare.Infrastructure.Data.Interceptors;
using CustomerCare.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCare.Infrastructure.Data.Configurations;

/// <summary>
/// Notifications, the outbox of messages to people: the address and the texts are personal data, encrypted on their way
/// into the database. One per source, recipient and channel (the unique index makes a second one impossible); the
/// dispatcher finds due ones by status and time.
/// </summary>
internal sealed class NotificationConfiguration(PersonalDataProtector protector)
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        var encrypted = CustomerConfiguration.Encrypted(protector);
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Source).HasMaxLength(Notification.SourceMaxLength).IsRequired();
        builder.Property(n => n.Event).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Audience).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.NotSentReason).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.Address).HasConversion(encrypted!);
        builder.Property(n => n.Language).HasMaxLength(NotificationTemplate.LanguageMaxLength).IsRequired();
        builder.Property(n => n.Template).HasMaxLength(100).IsRequired();
        builder.Property(n => n.Subject).HasConversion(encrypted!);
        builder.Property(n => n.Text).HasConversion(encrypted).IsRequired();
        builder.Property(n => n.Html).HasConversion(encrypted!);
        builder.Property(n => n.LastAnswer).HasMaxLength(Notification.AnswerMaxLength);
        // The trace context of the change that planned it (TraceContextInterceptor): its delivery continues that trace.
        builder.Property<string?>(TraceContextInterceptor.TraceParent).HasMaxLength(55);
        builder.HasIndex(n => new { n.Source, n.Audience, n.RecipientId, n.Channel }).IsUnique();
        builder.HasIndex(n => new { n.ComplaintId, n.CreatedAt });
        builder.HasIndex(n => n.RecipientId);
        builder.HasIndex(n => n.NextAttemptAt).HasFilter("status IN ('Pending', 'RetryScheduled', 'Sending')");
    }
}
