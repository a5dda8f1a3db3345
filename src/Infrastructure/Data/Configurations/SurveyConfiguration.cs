using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Organisation;
using CustomerCare.Domain.Surveys;
using CustomerCare.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerCare.Infrastructure.Data.Configurations;

internal sealed class SurveyTemplateConfiguration : IEntityTypeConfiguration<SurveyTemplate>
{
    public void Configure(EntityTypeBuilder<SurveyTemplate> builder)
    {
        builder.ToTable("survey_templates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(SurveyTemplate.NameMaxLength).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(SurveyTemplate.DescriptionMaxLength);
        builder.Property(t => t.Version).IsRowVersion();
        builder.HasMany(t => t.Versions).WithOne().HasForeignKey(v => v.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(t => t.Current);
        builder.Ignore(t => t.DomainEvents);
    }
}

internal sealed class SurveyTemplateVersionConfiguration : IEntityTypeConfiguration<SurveyTemplateVersion>
{
    public void Configure(EntityTypeBuilder<SurveyTemplateVersion> builder)
    {
        builder.ToTable("survey_template_versions");
        builder.HasKey(v => new { v.TemplateId, v.Number });
        builder.Property(v => v.Number).ValueGeneratedNever();
        builder.OwnsMany(v => v.Questions, q =>
        {
            q.ToJson("questions");
            q.Property(x => x.Kind).HasConversion<string>();
            q.PrimitiveCollection(x => x.Options);
            q.Ignore(x => x.IsScore);
            q.Ignore(x => x.MinScore);
            q.Ignore(x => x.MaxScore);
        });
        builder.Ignore(v => v.Overall);
    }
}

internal sealed class SurveyCampaignConfiguration : IEntityTypeConfiguration<SurveyCampaign>
{
    public void Configure(EntityTypeBuilder<SurveyCampaign> builder)
    {
        builder.ToTable("survey_campaigns");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<SurveyTemplate>().WithMany().HasForeignKey(c => c.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Name).HasMaxLength(SurveyCampaign.NameMaxLength).IsRequired();
        builder.Property(c => c.Schedule).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Segment).HasMaxLength(Customer.SegmentMaxLength);
        builder.Property(c => c.Product).HasMaxLength(SurveyCampaign.ProductMaxLength);
        builder.PrimitiveCollection(c => c.CustomerIds).IsRequired();
        builder.Property(c => c.Version).IsRowVersion();
        // The worker looks for waves due and waves still being written.
        builder.HasIndex(c => c.NextRunAt).HasFilter("is_active AND next_run_at IS NOT NULL");
        builder.HasIndex(c => c.Schedule).HasFilter("is_active");
        builder.Ignore(c => c.IsAfterClosure);
        builder.Ignore(c => c.DomainEvents);
    }
}

internal sealed class SurveyInvitationConfiguration(StoredSecretProtector protector)
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> builder)
    {
        builder.ToTable("survey_invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasOne<SurveyCampaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SurveyTemplateVersion>().WithMany().HasForeignKey(i => new { i.TemplateId, i.TemplateVersion }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Complaint>().WithMany().HasForeignKey(i => i.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(i => i.FirstResponderId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Segment).HasMaxLength(Customer.SegmentMaxLength).IsRequired();
        builder.Property(i => i.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Product).HasMaxLength(SurveyCampaign.ProductMaxLength);
        // The link's token: encrypted (the list for mailers shows it), found by its SHA-256.
        builder.Property(i => i.Token).IsRequired()
            .HasConversion(new ValueConverter<string, string>(v => protector.ProtectSurveyToken(v), v => protector.UnprotectSurveyToken(v)));
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        // Not unique: after a merge one person may hold two invitations of a wave (each record was asked once).
        builder.HasIndex(i => new { i.CampaignId, i.Wave, i.CustomerId });
        builder.HasIndex(i => new { i.CampaignId, i.ComplaintId }).IsUnique().HasFilter("complaint_id IS NOT NULL");
        builder.HasIndex(i => new { i.TemplateId, i.TemplateVersion, i.CreatedAt });
        builder.HasIndex(i => i.CustomerId);
        builder.Property(i => i.Version).IsRowVersion();
        builder.HasMany(i => i.Answers).WithOne().HasForeignKey(a => a.InvitationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Answers).HasField("_answers").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(i => i.DomainEvents);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> builder)
    {
        builder.ToTable("survey_answers");
        builder.HasKey(a => new { a.InvitationId, a.QuestionKey });
        builder.Property(a => a.QuestionKey).HasMaxLength(SurveyQuestion.KeyMaxLength);
        builder.Property(a => a.Choice).HasMaxLength(SurveyQuestion.OptionMaxLength);
        builder.Property(a => a.Text).HasMaxLength(SurveyInvitation.TextAnswerMaxLength);
        // Analysis groups a version's scores by question.
        builder.HasIndex(a => new { a.QuestionKey, a.InvitationId }).IncludeProperties(a => a.Score);
    }
}
