using CustomerCare.Application.Common.Exceptions;
using Microsoft.Net.Http.Headers;

namespace CustomerCare.Api.Infrastructure.Security;

/// <summary>
/// A request proves one identity: a bearer token (staff) or <c>X-Api-Key</c> (a partner system), never both. A client
/// generated from the contract that fills in both schemes gets a 400 naming the mistake instead of a bare 401.
/// </summary>
public static class OneCredentialGuard
{
    public static IApplicationBuilder UseOneCredential(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Request.Headers;
        if (headers.ContainsKey(CustomerCareSchemes.ApiKeyHeader) && headers.ContainsKey(HeaderNames.Authorization))
        {
            throw new ValidationException("credentials",
                "Send one credential: a bearer token (staff) or X-Api-Key (partner systems), not both. Configure your client with the one you hold.");
        }

        await next(context);
    });
}
