using System.Globalization;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Organisation;
using CustomerCare.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerCare.Infrastructure.Data.Configurations;

/// <summary>Customers, with names and contact values encrypted on their way into the database.</summary>
internal sealed class CustomerConfiguration(PersonalDataProtector protector)
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        var encrypted = Encrypted(protector);
        builder.ToTable("customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasConversion(encrypted).IsRequired(); // ciphertext: text, longer than the plaintext
        builder.PrimitiveCollection(c => c.NameKeys).HasField("_nameKeys").UsePropertyAccessMode(PropertyAccessMode.Field).IsRequired();
        builder.HasIndex(c => c.NameKeys).HasMethod("gin");
        builder.Property(c => c.Company).HasMaxLength(Customer.CompanyMaxLength);
        builder.Property(c => c.Segment).HasMaxLength(Customer.SegmentMaxLength).IsRequired();
        builder.HasIndex(c => c.Segment);
        builder.Property(c => c.Grade).HasMaxLength(ClassificationTerm.CodeMaxLength);
        builder.HasOne<CustomerGrade>().WithMany().HasForeignKey(c => c.Grade).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Grade);
        builder.Property(c => c.Birthday).HasConversion(EncryptedDate(protector)); // ciphertext: text
        builder.HasIndex(c => c.BirthMonthDay);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.FollowUpOwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(c => c.PreferredChannel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.PreferredLanguage).HasMaxLength(Customer.LanguageMaxLength);
        builder.Property(c => c.TimeZone).HasMaxLength(Customer.TimeZoneMaxLength);
        builder.ComplexProperty(c => c.Consent, consent =>
        {
            consent.Property(x => x.ContactByPhone).HasColumnName("consent_contact_by_phone");
            consent.Property(x => x.ContactByEmail).HasColumnName("consent_contact_by_email");
            consent.Property(x => x.Marketing).HasColumnName("consent_marketing");
        });
        builder.HasMany(c => c.ContactPoints).WithOne().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.ContactPoints).HasField("_contactPoints").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.MergedIntoId);
        builder.HasIndex(c => c.UpdatedAt);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Ignore(c => c.DomainEvents);
        builder.Ignore(c => c.IsErased);
        builder.Ignore(c => c.IsMerged);
    }

    internal static ValueConverter<string, string> Encrypted(PersonalDataProtector protector) =>
        new(plain => protector.Protect(plain), cipher => protector.Unprotect(cipher));

    private static ValueConverter<DateOnly, string> EncryptedDate(PersonalDataProtector protector) =>
        new(date => protector.Protect(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            cipher => DateOnly.ParseExact(protector.Unprotect(cipher), "yyyy-MM-dd", CultureInfo.InvariantCulture));
}

internal sealed class ContactPointConfiguration(PersonalDataProtector protector)
{
    public void Configure(EntityTypeBuilder<ContactPoint> builder)
    {
        builder.ToTable("customer_contact_points");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Value).HasConversion(CustomerConfiguration.Encrypted(protector)).IsRequired();
        builder.Property(p => p.Platform).HasMaxLength(ContactPoint.PlatformMaxLength);
        builder.Property(p => p.LookupKey).HasMaxLength(64).IsRequired();
        builder.HasIndex(p => p.LookupKey);
        builder.HasIndex(p => p.CustomerId);
    }
}

internal sealed class CustomerAccessRecordConfiguration : IEntityTypeConfiguration<CustomerAccessRecord>
{
    public void Configure(EntityTypeBuilder<CustomerAccessRecord> builder)
    {
        builder.ToTable("customer_access_log");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ActorKind).HasMaxLength(20).IsRequired();
        builder.HasIndex(r => new { r.CustomerId, r.At });
        builder.HasIndex(r => r.At);
        builder.HasIndex(r => r.ActorId);
    }
}
