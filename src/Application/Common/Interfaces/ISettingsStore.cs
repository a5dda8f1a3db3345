namespace CustomerCare.Application.Common.Interfaces;

/// <summary>Operator settings kept in the database (one JSON document per key), versioned for If-Match.</summary>
public interface ISettingsStore
{
    Task<StoredSetting<T>?> GetAsync<T>(string key, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Every setting whose key starts with <paramref name="prefix"/>, by key.</summary>
    Task<IReadOnlyDictionary<string, StoredSetting<T>>> ListAsync<T>(string prefix, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Removes the setting; with <paramref name="expectedVersion"/>, only if it is still that version (else 412). False when there was none.</summary>
    Task<bool> DeleteAsync(string key, uint? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Stores the value; with <paramref name="expectedVersion"/>, only if the stored one is still that version (else 412).</summary>
    Task<uint> SaveAsync<T>(string key, T value, uint? expectedVersion, CancellationToken cancellationToken)
        where T : class;
}

public sealed record StoredSetting<T>(T Value, uint Version);
