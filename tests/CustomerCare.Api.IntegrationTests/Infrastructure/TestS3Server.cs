using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace CustomerCare.Api.IntegrationTests.Infrastructure;

/// <summary>
/// A real S3-compatible server for the tests: s3rver (npm, pinned in scripts/s3rver) started by scripts/s3rver.sh on a
/// free local port over a temporary directory, with the bucket the store writes to; stopped and removed on disposal.
/// </summary>
public sealed class TestS3Server : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";
    public const string Bucket = "evidence";

    private readonly Process _process;
    private readonly string _directory;

    private TestS3Server(Process process, string directory, string serviceUrl)
    {
        _process = process;
        _directory = directory;
        ServiceUrl = serviceUrl;
    }

    public string ServiceUrl { get; }

    /// <summary>The settings that point the API's attachment store at this server.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["CustomerCare:Attachments:S3:ServiceUrl"] = ServiceUrl,
        ["CustomerCare:Attachments:S3:Bucket"] = Bucket,
        ["CustomerCare:Attachments:S3:AccessKey"] = AccessKey,
        ["CustomerCare:Attachments:S3:SecretKey"] = SecretKey,
    };

    public static async Task<TestS3Server> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("customercare-s3-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList =
            {
                Path.Combine(RepositoryRoot.Find(), "scripts", "s3rver.sh"), "-d", directory, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--silent", "--configure-bucket", Bucket,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("scripts/s3rver.sh did not start.");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => errors.AppendLine(e.Data);
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new TestS3Server(process, directory, $"http://127.0.0.1:{port}");

        // The first start may install s3rver from npm; then the server answers once its bucket exists.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        using var client = server.CreateClient();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited with {process.ExitCode}: {errors}");
            }

            try
            {
                await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, MaxKeys = 1 });
                return server;
            }
            catch (Exception e) when (e is HttpRequestException or AmazonServiceException or IOException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    public AmazonS3Client CreateClient() => new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
    {
        ServiceURL = ServiceUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED, ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    /// <summary>The keys stored under a prefix (every object, whatever the API's records say).</summary>
    public async Task<string[]> KeysAsync(string prefix)
    {
        using var client = CreateClient();
        var listed = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix });
        return (listed.S3Objects ?? []).Select(o => o.Key).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
