using CustomerCare.Domain.Partners;
using CustomerCare.Domain.Webhooks;
using CustomerCare.Infrastructure.Outbox;
using CustomerCare.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerCare.Infrastructure.Data.Configurations;

/// <summary>Subscriptions, with their signing secret encrypted on its way into the database.</summary>
internal sealed class WebhookSubscriptionConfiguration(StoredSecretProtector protector)
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlMaxLength).IsRequired();
        builder.Property(s => s.EventTypes).IsRequired();
        builder.Property(s => s.Secret).IsRequired()
            .HasConversion(new ValueConverter<string, string>(v => protector.ProtectSecret(v), v => protector.UnprotectSecret(v)));
        builder.Property(s => s.Description).HasMaxLength(WebhookSubscription.DescriptionMaxLength);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasOne<Partner>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.PartnerId);
        builder.Ignore(s => s.DomainEvents);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.EventType).HasMaxLength(WebhookEventTypes.MaxLength).IsRequired();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDeliveryAttempt.ResponseMaxLength);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<OutboxMessage>().WithMany().HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.SubscriptionId, d.MessageId }).IsUnique();
        // The dispatcher's claim: due deliveries, oldest event first; and the in-order check per complaint.
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.SubscriptionId, d.ComplaintId, d.MessageId });
    }
}

internal sealed class WebhookDeliveryAttemptConfiguration : IEntityTypeConfiguration<WebhookDeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryAttempt> builder)
    {
        builder.ToTable("webhook_delivery_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.Error).HasMaxLength(WebhookDeliveryAttempt.ResponseMaxLength);
        builder.Property(a => a.ResponseBody).HasMaxLength(WebhookDeliveryAttempt.ResponseMaxLength);
        builder.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.DeliveryId, a.Id });
        builder.Ignore(a => a.Succeeded);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).UseIdentityAlwaysColumn();
        builder.Property(m => m.EventType).HasMaxLength(WebhookEventTypes.MaxLength).IsRequired();
        builder.Property(m => m.Payload).HasColumnType("jsonb").IsRequired();
        builder.Property(m => m.PublicPayload).HasColumnType("jsonb");
        builder.Property(m => m.TraceParent).HasMaxLength(55); // 00-<32 hex>-<16 hex>-<2 hex>
        builder.Property(m => m.CreatedAt).HasDefaultValueSql("now()").ValueGeneratedOnAdd();
        builder.HasIndex(m => m.EventId).IsUnique();
        builder.HasIndex(m => m.Id).HasFilter("fanned_out_at IS NULL").HasDatabaseName("ix_outbox_messages_waiting");
        builder.HasIndex(m => m.CreatedAt);
    }
}
