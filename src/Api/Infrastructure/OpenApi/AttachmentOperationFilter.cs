using CustomerCare.Api.Infrastructure.Limits;
using CustomerCare.Application.Attachments;
using CustomerCare.Application.Common.Options;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CustomerCare.Api.Infrastructure.OpenApi;

/// <summary>
/// Documents what the attachment endpoints read and answer that their signatures cannot say: the upload's multipart form
/// (a binary <c>file</c> and an optional <c>visibility</c>), and the download's bytes in each accepted type, with its
/// headers, partial answers to <c>Range</c>, 304 to a matching <c>If-None-Match</c> and 416 to a range past the end.
/// Declared here rather than with <c>Accepts</c>, which would make routing answer 415 before authentication could answer 401.
/// </summary>
public sealed class AttachmentOperationFilter(IOptions<AttachmentOptions> options) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<AttachmentUploadMetadata>().Any())
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = $"A form with the file (at most {options.Value.MaxFileBytes} bytes) and, before it, its visibility.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Example = new System.Text.Json.Nodes.JsonObject { ["visibility"] = "public", ["file"] = "(the bytes of 发票.jpg)" },
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "file" },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["visibility"] = new OpenApiSchema
                                {
                                    Type = JsonSchemaType.String,
                                    Enum = [System.Text.Json.Nodes.JsonValue.Create("internal"), System.Text.Json.Nodes.JsonValue.Create("public")],
                                    Description = "`internal` (staff only; the default for staff) or `public` (also the complaint's partner; always so for a partner's files).",
                                },
                                ["file"] = new OpenApiSchema
                                {
                                    Type = JsonSchemaType.String,
                                    Format = "binary",
                                    MaxLength = (int)Math.Min(options.Value.MaxFileBytes, int.MaxValue),
                                    Description = "The file, with its name; one of: " + string.Join(", ", options.Value.Accepted) + " (told by its first bytes).",
                                },
                            },
                        },
                    },
                },
            };
        }

        if (metadata.OfType<AttachmentDownloadMetadata>().Any())
        {
            operation.Responses ??= [];
            operation.Responses["200"] = File("The file's bytes, in the type they were stored as.", partial: false);
            operation.Responses["206"] = File("The bytes a `Range` request asked for.", partial: true);
            operation.Responses["304"] = new OpenApiResponse { Description = "Not modified: `If-None-Match` names the file's ETag." };
            operation.Responses["416"] = new OpenApiResponse { Description = "The `Range` asked for lies past the end of the file." };
        }
    }

    private static OpenApiResponse File(string description, bool partial)
    {
        var headers = new Dictionary<string, IOpenApiHeader>
        {
            ["Content-Disposition"] = Header("`attachment` with the file's name (`filename*` in UTF-8 for names beyond ASCII)."),
            ["ETag"] = Header("The SHA-256 of the file's bytes, quoted."),
            ["Last-Modified"] = Header("When the file was uploaded."),
            ["Accept-Ranges"] = Header("`bytes`: parts of the file may be asked for with `Range`."),
        };
        if (partial)
        {
            headers["Content-Range"] = Header("Which bytes of how many this answer carries (`bytes 0-1023/52133`).");
        }

        return new OpenApiResponse
        {
            Description = description,
            Headers = headers,
            Content = FileSignatures.Known.ToDictionary(type => type,
                _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
        };
    }

    private static OpenApiHeader Header(string description) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 1000 } };
}
