using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CustomerCare.Api.IntegrationTests.Notifications;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer package) that requires authentication and keeps what it receives,
/// parsed by MimeKit; plain, with STARTTLS, or TLS from the first byte. It can be started late, on the port it was given, to play a server that was down.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public const string UserName = "customercare";
    public const string Password = "smtp-Passw0rd";

    private CancellationTokenSource? _running;
    private Task? _serving;

    private readonly TestSmtpSecurity _security;

    private TestSmtpServer(int port, TestSmtpSecurity security)
    {
        Port = port;
        _security = security;
    }

    public int Port { get; }

    /// <summary>
    /// The certificate a TLS server presents: self-signed for <c>localhost</c>, so no authority vouches for it — a client
    /// must pin it (<see cref="CertificateSha256"/>) to trust it.
    /// </summary>
    public static X509Certificate2 Certificate { get; } = CreateCertificate();

    public static string CertificateSha256 => Convert.ToHexString(SHA256.HashData(Certificate.RawData));

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>A server with a port of its own, not listening yet.</summary>
    public static TestSmtpServer Reserve(TestSmtpSecurity security = TestSmtpSecurity.None)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new TestSmtpServer(((IPEndPoint)listener.LocalEndpoint).Port, security);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // Through PKCS#12 so that the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).AuthenticationRequired(true)
                    // Over STARTTLS the password is only taken once the session is encrypted.
                    .AllowUnsecureAuthentication(_security == TestSmtpSecurity.None);
                if (_security != TestSmtpSecurity.None)
                {
                    endpoint.Certificate(Certificate).IsSecure(_security == TestSmtpSecurity.Tls);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Received));
        services.Add(new Authenticator());
        _running = new CancellationTokenSource();
        var server = new SmtpServer.SmtpServer(options, services);
        _serving = server.StartAsync(_running.Token);
        // Listening once a connection is accepted.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"The test SMTP server did not listen on port {Port}.");
    }

    /// <summary>Stops listening (a server that is down); <see cref="StartAsync"/> brings it back on the same port.</summary>
    public async Task StopAsync()
    {
        if (_running is null)
        {
            return;
        }

        await _running.CancelAsync();
        try
        {
            await _serving!;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        _running.Dispose();
        _running = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Authenticator : UserAuthenticator
    {
        public override Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
            Task.FromResult(user == UserName && password == Password);
    }
}

public enum TestSmtpSecurity
{
    None,

    /// <summary>Plain, upgraded by STARTTLS before the password is taken.</summary>
    StartTls,

    /// <summary>TLS from the first byte (as on port 465).</summary>
    Tls,
}
