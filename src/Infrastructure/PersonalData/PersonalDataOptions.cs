namespace CustomerCare.Infrastructure.PersonalData;

/// <summary>Protection of customers' personal data, under <c>CustomerCare:PersonalData</c>.</summary>
public sealed class PersonalDataOptions
{
    public const string SectionName = "CustomerCare:PersonalData";

    /// <summary>
    /// Where the encryption key ring (ASP.NET Core Data Protection) and the protected blind-index key live:
    /// outside the database, shared by every replica, backed up apart from it. Losing it makes the stored
    /// personal data unreadable.
    /// </summary>
    public string? KeyDirectory { get; set; }

    /// <summary>
    /// A PKCS#12 file (.pfx) whose certificate encrypts the key ring at rest (its private key decrypts it). Unset, the
    /// keys are stored unencrypted and the start-up warns; an operator should then protect the directory by other means.
    /// </summary>
    public string? KeyEncryptionCertificate { get; set; }

    /// <summary>The password of <see cref="KeyEncryptionCertificate"/>, if it has one.</summary>
    public string? KeyEncryptionCertificatePassword { get; set; }

    /// <summary>Region assumed for phone numbers typed without a country code (ISO 3166 code).</summary>
    public string DefaultPhoneRegion { get; set; } = "CN";

    public string ResolvedKeyDirectory => string.IsNullOrWhiteSpace(KeyDirectory)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "CustomerCare", "keys")
        : KeyDirectory;
}
