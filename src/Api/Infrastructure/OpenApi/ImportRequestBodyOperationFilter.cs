using System.Text.Json.Nodes;
using CustomerCare.Api.Infrastructure.Limits;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CustomerCare.Api.Infrastructure.OpenApi;

/// <summary>
/// Documents the file an import endpoint reads (NDJSON or CSV, with an example of each). Declared here rather than
/// with <c>Accepts</c>, which would make routing answer 415 before authentication could answer 401.
/// </summary>
public sealed class ImportRequestBodyOperationFilter(IOptions<LimitOptions> limits) : IOperationFilter
{
    private const string NdjsonExample =
        """
        {"externalReference":"SHOP-2026-0001","channel":"partner","title":"Kettle leaks","description":"Leaks from the base after two days.","customer":{"name":"Zhang Wei","phone":"+86 138 0013 8000"}}
        {"externalReference":"SHOP-2026-0002","channel":"partner","title":"Late delivery","description":"Ordered on the 2nd, arrived on the 20th.","customer":{"name":"Li Na","email":"li.na@example.com"},"severity":"major"}
        """;

    private const string CsvExample =
        "externalReference,channel,title,description,customerName,customerPhone,customerEmail\r\n" +
        "SHOP-2026-0001,partner,Kettle leaks,\"Leaks from the base, after two days\",Zhang Wei,+86 138 0013 8000,\r\n" +
        "SHOP-2026-0002,partner,Late delivery,Ordered on the 2nd,Li Na,,li.na@example.com\r\n";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ImportBodySizeMetadata>().Any())
        {
            return;
        }

        // The body is read as UTF-8 and capped in bytes: it cannot hold more characters than that.
        var maxLength = (int)Math.Min(limits.Value.MaxImportBodyBytes, int.MaxValue);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = $"The file: NDJSON (one complaint per line) or CSV (a header row, then one complaint per record), UTF-8, at most {maxLength} bytes.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [Endpoints.Complaints.NdjsonMediaType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = maxLength }, Example = JsonValue.Create(NdjsonExample) },
                [Endpoints.Complaints.CsvMediaType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = maxLength }, Example = JsonValue.Create(CsvExample) },
            },
        };
    }
}
