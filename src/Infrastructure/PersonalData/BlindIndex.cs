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
        var words = Words(name);
        if (words.Count == 0)
        {
            return [];
        }

        // Each word, and the whole name without spaces (CJK names are written without them); for CJK, its parts.
        var han = Han(string.Concat(words));
        return words.Append(string.Concat(words)).Distinct(StringComparer.Ordinal).Select(w => Hash($"name:{w}"))
            .Concat(han.Length > 0 ? [Hash($"name-surname:{han[0]}")] : [])
            .Concat(Pairs(han).Select(p => Hash($"name-pair:{p}")))
            .Distinct(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<string> NameSearchKeys(string query)
    {
        var han = Han(string.Concat(Words(query)));
        return han.Length switch
        {
            0 => NameKeys(query),
            1 => [Hash($"name-surname:{han}")],
            _ => Pairs(han).Select(p => Hash($"name-pair:{p}")).Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    private static List<string> Words(string name) =>
        name.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .ToList();

    /// <summary>The Chinese characters of the text, in order (CJK unified ideographs, extension A and compatibility).</summary>
    private static string Han(string text) => new(text.Where(c => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF').ToArray());

    private static IEnumerable<string> Pairs(string han) => Enumerable.Range(0, Math.Max(0, han.Length - 1)).Select(i => han.Substring(i, 2));

    private string Hash(string value) => Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value)));
}
