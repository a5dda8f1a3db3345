using Microsoft.AspNetCore.DataProtection;

namespace CustomerCare.Infrastructure.PersonalData;

/// <summary>
/// Encrypts what the server must be able to read back but the database should not show: webhook signing secrets,
/// survey invitation tokens (listed for the mailer), and the responses kept for idempotent replays (which may carry
/// personal data or one-time secrets). Same key ring as personal data, one purpose each.
/// </summary>
public sealed class StoredSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _secrets = provider.CreateProtector("CustomerCare.WebhookSecrets.v1");
    private readonly IDataProtector _responses = provider.CreateProtector("CustomerCare.IdempotentResponses.v1");
    private readonly IDataProtector _surveyTokens = provider.CreateProtector("CustomerCare.SurveyTokens.v1");

    public string ProtectSecret(string plaintext) => _secrets.Protect(plaintext);

    public string UnprotectSecret(string ciphertext) => _secrets.Unprotect(ciphertext);

    public string ProtectSurveyToken(string plaintext) => _surveyTokens.Protect(plaintext);

    public string UnprotectSurveyToken(string ciphertext) => _surveyTokens.Unprotect(ciphertext);

    public byte[] ProtectResponse(byte[] plaintext) => _responses.Protect(plaintext);

    public byte[] UnprotectResponse(byte[] ciphertext) => _responses.Unprotect(ciphertext);
}
