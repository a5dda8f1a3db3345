using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Customers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure.PersonalData;

/// <summary>
/// HMAC-SHA256 blind indexes. The 256-bit key is made once, stored in the key directory protected by Data
/// Protection, and never enters the database: without it the stored hashes cannot be tested against guesses.
/// </summary>
public sealed class BlindIndex : IPersonalDataIndex
{
    private const string KeyFile = "blind-index.key";
    private readonly byte[] _key;

    public BlindIndex(IOptions<PersonalDataOptions> options, IDataProtectionProvider provider)
    {
        var protector = provider.CreateProtector("CustomerCare.BlindIndexKey.v1");
        var directory = options.Value.ResolvedKeyDirectory;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, KeyFile);
        if (!File.Exists(path))
        {
            var created = protector.Protect(RandomNumberGenerator.GetBytes(32));
            try
            {
                // CreateNew: when two replicas start at once, one writes and the other reads what it wrote.
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(created);
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }

        _key = protector.Unprotect(File.ReadAllBytes(path));
    }

    public string ContactKey(ContactKind kind, string normalisedValue) => Hash($"contact:{kind}:{normalisedValue}");

    public IReadOnlyList<string> NameKeys(string name)
    {
        var normalised = name.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var words = normalised.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .ToList();
        if (words.Count == 0)
        {
            return [];
        }

        // Each word, and the whole name without spaces (CJK names are written without them).
        return words.Append(string.Concat(words)).Distinct(StringComparer.Ordinal).Select(w => Hash($"name:{w}")).ToList();
    }

    private string Hash(string value) => Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value)));
}
