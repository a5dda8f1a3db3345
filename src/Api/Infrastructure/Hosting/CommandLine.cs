namespace CustomerCare.Api.Infrastructure.Hosting;

/// <summary>
/// What the API's executable does besides serving, for the container image, which has no shell, curl or dotnet-ef:
/// <list type="bullet">
/// <item><c>CustomerCare.Api health [ready|live]</c>: asks this container's API (the port of <c>ASPNETCORE_URLS</c>) for
/// <c>/health/ready</c> (or <c>/health/live</c>) and exits 0 when it answers 2xx, 1 otherwise: the health check.</item>
/// <item><c>CustomerCare.Api migrate</c>: applies the migrations, seeds what is missing and exits: the deployment
/// step that runs once per release before the replicas start.</item>
/// </list>
/// </summary>
public static class CommandLine
{
    public static bool IsHealthProbe(string[] args) => args is ["health", ..];

    public static bool IsMigration(string[] args) => args is ["migrate"];

    /// <param name="args">The command line.</param>
    /// <param name="urls">What the API listens on (<c>ASPNETCORE_URLS</c>).</param>
    /// <param name="output">Where the answer is written.</param>
    public static async Task<int> ProbeAsync(string[] args, string? urls, TextWriter output)
    {
        var check = args is [_, "live"] ? "live" : "ready";
        Uri url;
        try
        {
            url = new Uri(LocalUrl(urls), $"/health/{check}");
        }
        catch (UriFormatException)
        {
            await output.WriteLineAsync($"ASPNETCORE_URLS is not a list of URLs: {urls}");
            return 1;
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(url);
            await output.WriteLineAsync($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"{url}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>The first of the listening URLs, with a wildcard host read as loopback (Kestrel's default without any).</summary>
    public static Uri LocalUrl(string? urls)
    {
        var first = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? "http://localhost:5000";
        var builder = new UriBuilder(first.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "localhost")
        {
            builder.Host = "127.0.0.1";
        }

        return new Uri(builder.Uri.GetLeftPart(UriPartial.Authority));
    }
}
