using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCare.Infrastructure.Settings;

/// <summary>One operator setting: a JSON document under a key.</summary>
internal sealed class SettingEntry
{
    public string Key { get; set; } = string.Empty;

    public string Value { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }
}

internal sealed class SettingEntryConfiguration : IEntityTypeConfiguration<SettingEntry>
{
    public void Configure(EntityTypeBuilder<SettingEntry> builder)
    {
        builder.ToTable("settings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Value).HasColumnType("jsonb").IsRequired();
        builder.Property(s => s.Version).IsRowVersion();
    }
}

internal sealed class SettingsStore(CustomerCareDbContext db, TimeProvider time) : ISettingsStore
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task<StoredSetting<T>?> GetAsync<T>(string key, CancellationToken cancellationToken)
        where T : class
    {
        var entry = await db.Settings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        return entry is null || JsonSerializer.Deserialize<T>(entry.Value, Json) is not { } value ? null : new StoredSetting<T>(value, entry.Version);
    }

    public async Task<IReadOnlyDictionary<string, StoredSetting<T>>> ListAsync<T>(string prefix, CancellationToken cancellationToken)
        where T : class
    {
        var entries = await db.Settings.AsNoTracking().Where(s => s.Key.StartsWith(prefix)).ToListAsync(cancellationToken);
        return entries
            .Select(e => (e.Key, Value: JsonSerializer.Deserialize<T>(e.Value, Json), e.Version))
            .Where(e => e.Value is not null)
            .ToDictionary(e => e.Key, e => new StoredSetting<T>(e.Value!, e.Version), StringComparer.Ordinal);
    }

    public async Task<bool> DeleteAsync(string key, uint? expectedVersion, CancellationToken cancellationToken)
    {
        var entry = await db.Settings.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (entry is null)
        {
            return false;
        }

        db.ExpectVersion(entry, expectedVersion);
        db.Settings.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<uint> SaveAsync<T>(string key, T value, uint? expectedVersion, CancellationToken cancellationToken)
        where T : class
    {
        var entry = await db.Settings.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (entry is null)
        {
            if (expectedVersion is > 0)
            {
                throw new PreconditionFailedException();
            }

            entry = new SettingEntry { Key = key };
            db.Settings.Add(entry);
        }
        else
        {
            db.ExpectVersion(entry, expectedVersion);
        }

        entry.Value = JsonSerializer.Serialize(value, Json);
        entry.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return entry.Version;
    }
}
