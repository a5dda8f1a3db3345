using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CustomerCare.Infrastructure.Identity;

/// <summary>The key that signs and verifies the API's own access tokens: configured, or made once per process.</summary>
public sealed partial class TokenSigningKey
{
    public const int MinimumKeyBytes = 32;

    public TokenSigningKey(IOptions<AuthOptions> options, ILogger<TokenSigningKey> logger)
    {
        var configured = options.Value.SigningKey;
        byte[] bytes;
        if (string.IsNullOrWhiteSpace(configured))
        {
            bytes = RandomNumberGenerator.GetBytes(MinimumKeyBytes * 2);
            if (!options.Value.UsesExternalProvider)
            {
                LogEphemeralKey(logger);
            }
        }
        else
        {
            try
            {
                bytes = Convert.FromBase64String(configured);
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException("CustomerCare:Auth:SigningKey must be base64.", ex);
            }

            if (bytes.Length < MinimumKeyBytes)
            {
                throw new InvalidOperationException($"CustomerCare:Auth:SigningKey must hold at least {MinimumKeyBytes} bytes.");
            }
        }

        Key = new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes))[..16] };
    }

    public SymmetricSecurityKey Key { get; }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning,
        Message = "No CustomerCare:Auth:SigningKey configured: a random key signs tokens, so they end with this process and other replicas reject them")]
    private static partial void LogEphemeralKey(ILogger logger);
}
