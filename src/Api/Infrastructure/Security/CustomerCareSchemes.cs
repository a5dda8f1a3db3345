namespace CustomerCare.Api.Infrastructure.Security;

public static class CustomerCareSchemes
{
    /// <summary>Picks Bearer or ApiKey per request.</summary>
    public const string Default = "CustomerCare";
    public const string Bearer = "Bearer";
    public const string ApiKey = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";
}
