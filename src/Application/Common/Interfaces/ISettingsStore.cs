namespace CustomerCare.Application.Common.Interfaces;

/// <summary>Operator settings kept in the database (one JSON document per key), versioned for If-Match.</summary>
public interface ISettingsStore
{
    Task<StoredSetting<T>?> GetAsync<T>(string key, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Stores the value; with <paramref name="expectedVersion"/>, only if the stored one is still that version (else 412).</summary>
    Task<uint> SaveAsync<T>(string key, T value, uint? expectedVersion, CancellationToken cancellationToken)
        where T : class;
}

public sealed record StoredSetting<T>(T Value, uint Version);
