using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Organisation;
using CustomerCare.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CustomerCare.Api.Infrastructure.Security;

public static class SecurityRegistration
{
    public static IServiceCollection AddCustomerCareSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<Application.Common.Security.JobCaller>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<Application.Common.Security.JobCaller>().Caller
            ?? new CurrentUser(sp.GetRequiredService<IHttpContextAccessor>()));

        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();

        services.AddAuthentication(CustomerCareSchemes.Default)
            .AddPolicyScheme(CustomerCareSchemes.Default, "Bearer token or partner API key", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(CustomerCareSchemes.ApiKeyHeader) ? CustomerCareSchemes.ApiKey : CustomerCareSchemes.Bearer)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(CustomerCareSchemes.ApiKey, null)
            .AddJwtBearer(CustomerCareSchemes.Bearer, options =>
            {
                options.MapInboundClaims = false;
                options.SaveToken = false; // nothing reads the token back from the authentication properties
                options.Audience = auth.Audience;
                if (auth.UsesExternalProvider)
                {
                    options.Authority = auth.Authority;
                    options.RequireHttpsMetadata = auth.RequireHttpsMetadata;
                }
                else
                {
                    options.TokenHandlers.Clear();
                    options.TokenHandlers.Add(new RememberingTokenHandler { MapInboundClaims = false });
                }

                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context => auth.UsesExternalProvider
                        ? AdoptExternalIdentityAsync(context, auth)
                        : RejectStaleSessionAsync(context),
                };
            });

        // The key and issuer of our own tokens are resolved from the container when the options are first used.
        services.AddOptions<JwtBearerOptions>(CustomerCareSchemes.Bearer)
            .Configure<TokenSigningKey, IOptions<AuthOptions>>((options, key, authOptions) =>
            {
                var o = authOptions.Value;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = o.UsesExternalProvider ? null : o.Issuer,
                    ValidateAudience = true,
                    ValidAudience = o.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = o.UsesExternalProvider ? null : key.Key,
                    ValidAlgorithms = o.UsesExternalProvider ? null : [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = CustomerCareClaims.Name,
                    RoleClaimType = CustomerCareClaims.Role,
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireAuthenticatedUser().RequireClaim(CustomerCareClaims.Kind, CustomerCareClaims.StaffKind))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireClaim(CustomerCareClaims.Kind, CustomerCareClaims.StaffKind)
                .RequireClaim(CustomerCareClaims.Role, CustomerCareClaims.RoleName(Role.Admin)))
            .AddPolicy(Policies.SupervisorOrAbove, p => p.RequireAuthenticatedUser()
                .RequireClaim(CustomerCareClaims.Kind, CustomerCareClaims.StaffKind)
                .RequireClaim(CustomerCareClaims.Role, CustomerCareClaims.RoleName(Role.Supervisor),
                    CustomerCareClaims.RoleName(Role.Manager), CustomerCareClaims.RoleName(Role.Admin)))
            .AddPolicy(Policies.Partner, p => p.RequireAuthenticatedUser().RequireClaim(CustomerCareClaims.Kind, CustomerCareClaims.PartnerKind))
            .AddPolicy(Policies.AdminOrPartner, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
                context.User.HasClaim(CustomerCareClaims.Kind, CustomerCareClaims.PartnerKind)
                || (context.User.HasClaim(CustomerCareClaims.Kind, CustomerCareClaims.StaffKind)
                    && context.User.HasClaim(CustomerCareClaims.Role, CustomerCareClaims.RoleName(Role.Admin)))))
            .AddPolicy(Policies.StaffOrPartner, p => p.RequireAuthenticatedUser()
                .RequireClaim(CustomerCareClaims.Kind, CustomerCareClaims.StaffKind, CustomerCareClaims.PartnerKind));

        return services;
    }

    private static async Task RejectStaleSessionAsync(TokenValidatedContext context)
    {
        var validator = context.HttpContext.RequestServices.GetRequiredService<StaffSessionValidator>();
        if (context.Principal is null || !await validator.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.Fail("The session has ended: the account was deactivated or its password, roles or department changed.");
        }
    }

    private static async Task AdoptExternalIdentityAsync(TokenValidatedContext context, AuthOptions auth)
    {
        var validator = context.HttpContext.RequestServices.GetRequiredService<StaffSessionValidator>();
        var email = context.Principal?.FindFirst(auth.ExternalEmailClaim)?.Value;
        var identity = await validator.IdentityForExternalAsync(email, CustomerCareSchemes.Bearer, context.HttpContext.RequestAborted);
        if (identity is null)
        {
            context.Fail("No active staff member has the e-mail address of this token.");
            return;
        }

        context.Principal = new System.Security.Claims.ClaimsPrincipal(identity);
    }
}
