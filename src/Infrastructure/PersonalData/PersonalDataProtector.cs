using Microsoft.AspNetCore.DataProtection;

namespace CustomerCare.Infrastructure.PersonalData;

/// <summary>Encrypts personal data field by field (AES-256-CBC + HMAC by Data Protection), keys kept outside the database.</summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "CustomerCare.PersonalData.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string ciphertext) => _protector.Unprotect(ciphertext);
}
