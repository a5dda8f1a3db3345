using System.Security.Cryptography;
using System.Text;

namespace CustomerCare.Application.Common.Security;

/// <summary>
/// Partner API keys look like <c>cck_{prefix}_{secret}</c>: the prefix finds the key, the SHA-256 of the whole
/// key proves it. Keys carry 192 bits of randomness, so a fast hash is enough; the secret is never stored.
/// </summary>
public static class ApiKeys
{
    public const string Scheme = "cck";
    public const int PrefixLength = 12;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static GeneratedApiKey Generate()
    {
        var prefix = RandomNumberGenerator.GetString(Alphabet, PrefixLength);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(24));
        var key = $"{Scheme}_{prefix}_{secret}";
        return new GeneratedApiKey(key, prefix, Hash(key));
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The prefix of a well-formed key, or null.</summary>
    public static string? PrefixOf(string? key)
    {
        if (key is null || key.Length > 100)
        {
            return null;
        }

        var parts = key.Split('_', 3);
        return parts.Length == 3 && parts[0] == Scheme && parts[1].Length == PrefixLength && parts[2].Length > 0 ? parts[1] : null;
    }

    public static bool Matches(string key, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(key), storedHash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record GeneratedApiKey(string Key, string Prefix, byte[] Hash);
