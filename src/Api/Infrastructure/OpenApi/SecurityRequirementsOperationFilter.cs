using CustomerCare.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CustomerCare.Api.Infrastructure.OpenApi;

/// <summary>
/// Marks each operation with the credentials its policy accepts, so Swagger UI's "Authorize" sends the right
/// header and the contract tells front ends who may call what.
/// </summary>
public sealed class SecurityRequirementsOperationFilter : IOperationFilter
{
    public const string BearerDefinition = "Bearer";
    public const string ApiKeyDefinition = "ApiKey";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = []; // said outright: no credentials (sign-in, a survey invitation's own token)
            return;
        }

        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToList();
        var accepted = new List<string>();
        if (policies.Count == 0 || policies.Any(p => p != Policies.Partner))
        {
            accepted.Add(BearerDefinition);
        }

        if (policies.Any(p => p is Policies.Partner or Policies.StaffOrPartner or Policies.AdminOrPartner))
        {
            accepted.Add(ApiKeyDefinition);
        }

        operation.Security ??= [];
        foreach (var definition in accepted)
        {
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(definition, context.Document)] = [],
            });
        }

        if (policies.Count > 0)
        {
            operation.Description = string.Join("\n\n",
                new[] { operation.Description, $"Authorization policy: `{string.Join("`, `", policies)}`." }.Where(d => !string.IsNullOrEmpty(d)));
        }
    }
}
