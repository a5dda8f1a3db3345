using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Client;

/// <summary>
/// What the generated client (<c>CustomerCareClient.g.cs</c>) needs besides: enums travel as the contract's strings
/// everywhere, list items included (NSwag puts a string converter on single enum properties only).
/// </summary>
public partial class CustomerCareClient
{
    /// <summary>The header a partner system's API key travels in (set it on the HttpClient given to the client).</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));

    /// <summary>
    /// A client for a partner system: the API key on every request, and nothing else (a request must carry one
    /// credential). <paramref name="http"/> carries the API's base address (e.g. <c>https://care.example.com/</c>).
    /// </summary>
    public static CustomerCareClient ForPartner(HttpClient http, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        http.DefaultRequestHeaders.Authorization = null;
        http.DefaultRequestHeaders.Remove(ApiKeyHeader);
        http.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        return new CustomerCareClient(http);
    }
}
