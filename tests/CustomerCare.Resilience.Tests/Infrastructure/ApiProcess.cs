using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CustomerCare.Resilience.Tests.Infrastructure;

/// <summary>
/// The built API (src/Api/bin/&lt;configuration&gt;/net10.0/CustomerCare.Api.dll), or another command that serves it (the
/// container image), as a process of its own, as a deployment runs it: on a Kestrel port, configured by environment
/// variables, killed with SIGKILL or stopped with SIGTERM when a test says so.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string AdminEmail = "admin@resilience.example";
    public const string AdminPassword = "Resilience-Bootstrap-Secr3t";

    private static readonly string KeyDirectory = Path.Combine(Path.GetTempPath(), $"customercare-resilience-keys-{Environment.ProcessId}");
    private static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(3, 48).Select(i => (byte)(i * 11)).ToArray());

    private readonly Dictionary<string, string> _environment;
    private readonly IReadOnlyList<string> _command;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public ApiProcess(string connectionString, IReadOnlyDictionary<string, string>? settings = null, IReadOnlyList<string>? command = null)
    {
        _command = command ?? ["dotnet", Assembly()];
        Port = OwnCluster.FreePort();
        _environment = Settings(connectionString);
        _environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}";
        _environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _environment["Logging__Console__FormatterName"] = "simple";
        _environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }
    }

    /// <summary>The API's configuration for these tests, as environment variable names.</summary>
    public static Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["ConnectionStrings__CustomerCare"] = connectionString,
        ["CustomerCare__Database__MigrateOnStartup"] = "true",
        ["CustomerCare__Bootstrap__AdminEmail"] = AdminEmail,
        ["CustomerCare__Bootstrap__AdminPassword"] = AdminPassword,
        ["CustomerCare__Auth__SigningKey"] = SigningKey,
        ["CustomerCare__PersonalData__KeyDirectory"] = KeyDirectory,
        ["CustomerCare__Webhooks__AllowHttp"] = "true",
        ["CustomerCare__Webhooks__AllowPrivateNetworks"] = "true",
        ["CustomerCare__Limits__User__PermitLimit"] = "1000000",
        ["CustomerCare__Limits__Partner__PermitLimit"] = "1000000",
        ["CustomerCare__Limits__Anonymous__PermitLimit"] = "1000000",
    };

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("not started");

    /// <summary>The process's last lines of output, for a failure message.</summary>
    public string RecentOutput => string.Join('\n', _output.TakeLast(40));

    /// <summary>The environment the API is started with.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables => _environment;

    public async Task StartAsync(TimeSpan? within = null)
    {
        var start = new ProcessStartInfo(_command[0], _command.Skip(1))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the API exited at start-up:\n{RecentOutput}");
            }

            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"the API did not become ready in time:\n{RecentOutput}");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, requests in flight are cut off.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, as an orchestrator stops a container: a graceful shutdown, then SIGKILL after 30 s.</summary>
    public async Task<int> StopAsync()
    {
        if (_process is not { HasExited: false })
        {
            return _process?.ExitCode ?? -1;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        return _process.ExitCode;
    }

    /// <summary>The process's thread count (from /proc), to see that waiting requests do not pile up threads.</summary>
    public int Threads()
    {
        var line = File.ReadLines($"/proc/{ProcessId}/status").First(l => l.StartsWith("Threads:", StringComparison.Ordinal));
        return int.Parse(line["Threads:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public HttpClient Client(string? bearer = null, TimeSpan? timeout = null)
    {
        // A request that asks for 100 Continue waits for it (or for the final answer) as long as it takes on a busy machine,
        // instead of sending its body after the default second.
        var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    /// <summary>Signs the bootstrap administrator in and answers a client that carries the token.</summary>
    public async Task<HttpClient> AdminAsync(TimeSpan? timeout = null)
    {
        using var anonymous = Client();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = AdminEmail, password = AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        return Client(token, timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    public static string Assembly()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepositoryRoot.Find(), "src", "Api", "bin", framework.Parent!.Name, framework.Name, "CustomerCare.Api.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is not built");
    }
}
