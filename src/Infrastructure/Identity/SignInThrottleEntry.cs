using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCare.Infrastructure.Identity;

/// <summary>Failed sign-ins counted for one key (an account or a client address).</summary>
internal sealed class SignInThrottleEntry
{
    public string Key { get; set; } = string.Empty;

    public int Failures { get; set; }

    public DateTimeOffset WindowStartedAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}

internal sealed class SignInThrottleEntryConfiguration : IEntityTypeConfiguration<SignInThrottleEntry>
{
    public void Configure(EntityTypeBuilder<SignInThrottleEntry> builder)
    {
        builder.ToTable("sign_in_throttles");
        builder.HasKey(e => e.Key);
        builder.Property(e => e.Key).HasMaxLength(300);
    }
}
