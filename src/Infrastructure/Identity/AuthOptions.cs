using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Infrastructure.Identity;

/// <summary>Sign-in and token settings, under <c>CustomerCare:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "CustomerCare:Auth";

    /// <summary><c>iss</c> of the tokens this API issues.</summary>
    [Required]
    public string Issuer { get; set; } = "customercare";

    /// <summary><c>aud</c> the API requires: of its own tokens, or of the external provider's.</summary>
    [Required]
    public string Audience { get; set; } = "customercare-api";

    /// <summary>
    /// Base64 of at least 32 random bytes that sign (HMAC-SHA256) the API's own tokens; every replica needs the
    /// same one. Without it a random key is made at start-up: tokens then die with the process.
    /// </summary>
    public string? SigningKey { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// An external OpenID Connect provider (issuer URL). When set, the API accepts that provider's tokens instead
    /// of issuing its own; staff are matched by the <see cref="ExternalEmailClaim"/> claim.
    /// </summary>
    public string? Authority { get; set; }

    public string ExternalEmailClaim { get; set; } = "email";

    public bool RequireHttpsMetadata { get; set; } = true;

    public bool UsesExternalProvider => !string.IsNullOrWhiteSpace(Authority);
}
