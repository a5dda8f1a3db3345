using System.Security.Claims;
using System.Text.Encodings.Web;
using CustomerCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CustomerCare.Api.Infrastructure.Security;

/// <summary>Authenticates partner systems by the <c>X-Api-Key</c> header.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(CustomerCareSchemes.ApiKeyHeader, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            return AuthenticateResult.Fail("Send exactly one API key.");
        }

        var partner = await authenticator.AuthenticateAsync(values[0]!.Trim(), Context.RequestAborted);
        if (partner is null)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(CustomerCareClaims.Subject, partner.Id.ToString()),
                new Claim(CustomerCareClaims.Name, partner.Name),
                new Claim(CustomerCareClaims.Kind, CustomerCareClaims.PartnerKind),
            ],
            Scheme.Name, CustomerCareClaims.Name, CustomerCareClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{CustomerCareSchemes.ApiKey} header=\"{CustomerCareSchemes.ApiKeyHeader}\"";
        return Task.CompletedTask;
    }
}
