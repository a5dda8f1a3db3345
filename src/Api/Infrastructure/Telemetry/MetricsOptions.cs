using System.Net;

namespace CustomerCare.Api.Infrastructure.Telemetry;

/// <summary>The Prometheus scrape endpoint, under <c>CustomerCare:Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "CustomerCare:Metrics";

    /// <summary>The series each instrument may hold (OpenTelemetry's cardinality limit; beyond it, one overflow series).</summary>
    public const int SeriesPerInstrument = 500;

    /// <summary>The path Prometheus scrapes. Default <c>/metrics</c>.</summary>
    public const string Path = "/metrics";

    /// <summary>
    /// Whether metrics are recorded and served at all (default on). Off, no meter is listened to and <see cref="Path"/>
    /// is the 404 of a path the API does not have: for measuring what the metrics cost (scripts/bench.sh).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.0.0.0/8</c>) besides loopback whose addresses may scrape <see cref="Path"/> on the API's
    /// port; everyone else gets 404, as if there were no such path. Ignored when <see cref="Port"/> is set.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>
    /// A port of its own for <see cref="Path"/> (answered there to anyone who reaches it, and no longer on the API's
    /// port): for deployments that keep the scrape off the public listener with the network instead.
    /// </summary>
    public int? Port { get; set; }

    public bool Allows(HttpContext context)
    {
        if (Port is { } port)
        {
            return context.Connection.LocalPort == port;
        }

        if (context.Connection.RemoteIpAddress is not { } address)
        {
            return false; // no peer at all (an in-process test server): nothing to vouch for the caller
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return IPAddress.IsLoopback(address) || AllowedNetworks.Any(n => IPNetwork.Parse(n).Contains(address));
    }

    public bool IsValid() => AllowedNetworks.All(n => IPNetwork.TryParse(n, out _)) && Port is null or (> 0 and <= 65535);
}
