using System.Diagnostics;

namespace CustomerCare.Testing;

/// <summary>Compiled into every test project: runs a bash command of the checkout (a script, npm) and collects what it printed.</summary>
internal static class Scripts
{
    public sealed record Outcome(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Errors}";
    }

    /// <summary>
    /// Runs <paramref name="command"/> with bash in <paramref name="directory"/> (the checkout by default), stopping it after
    /// <paramref name="timeout"/> (five minutes by default).
    /// </summary>
    public static async Task<Outcome> RunAsync(string command, string? directory = null, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromMinutes(5);
        var start = new ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = directory ?? RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var expiry = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(expiry.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{command}' did not end within {limit}: {await output}{await errors}");
        }

        return new Outcome(process.ExitCode, await output, await errors);
    }
}
