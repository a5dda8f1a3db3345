using System.Net;
using System.Net.Sockets;

namespace CustomerCare.Infrastructure.Webhooks;

/// <summary>
/// Connects webhook requests only to public addresses (unless allowed otherwise): the check runs on the addresses
/// actually dialled, so a receiver's DNS cannot point the server at its own network after the URL was accepted.
/// </summary>
public static class NetworkGuard
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var allowed = allowPrivate ? addresses : addresses.Where(IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"{context.DnsEndPoint.Host} does not resolve to a public address; webhooks are not sent into private networks.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);

            // Judge the address actually connected to as well, whatever the resolver or the socket chose.
            if (!allowPrivate && (socket.RemoteEndPoint is not IPEndPoint connected || !IsPublic(connected.Address)))
            {
                throw new HttpRequestException($"{context.DnsEndPoint.Host} connected to a non-public address; webhooks are not sent into private networks.");
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Every range of the IANA special-purpose registries (IPv4 and IPv6) that is not globally reachable, and the IPv6
    /// ranges that carry an IPv4 address inside (NAT64, 6to4, Teredo, IPv4-compatible), which could reach a private
    /// network through a translator. IPv4-mapped IPv6 addresses are judged by the IPv4 address they map.
    /// </summary>
    private static readonly IPNetwork[] NonPublic =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.88.99.0/24", "192.168.0.0/16", "192.175.48.0/24",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16",
            "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(n => IPNetwork.Parse(n)),
    ];

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in NonPublic)
        {
            if (network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address))
            {
                return false;
            }
        }

        return true;
    }
}
