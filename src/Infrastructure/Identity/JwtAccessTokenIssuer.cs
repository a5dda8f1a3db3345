using System.Security.Claims;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Organisation;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerCare.Infrastructure.Identity;

/// <summary>Issues short-lived HMAC-SHA256 JWTs that name the staff member, their department and roles.</summary>
internal sealed class JwtAccessTokenIssuer(IOptions<AuthOptions> options, TokenSigningKey signingKey, TimeProvider time)
    : IAccessTokenIssuer
{
    private static readonly JsonWebTokenHandler Handler = new();

    public bool IsEnabled => !options.Value.UsesExternalProvider;

    public AccessToken Issue(StaffMember staff)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var expires = now + o.AccessTokenLifetime;
        var identity = new ClaimsIdentity(CustomerCareClaims.For(staff));
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = identity,
            Issuer = o.Issuer,
            Audience = o.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
        return new AccessToken(token, expires);
    }
}
