using System.Text.Json;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// The API ships the runtime settings its project asks for. The project once set a property the SDK ignores
/// (<c>ServerGarbageCollector</c>), and the API ran the server GC for weeks under a comment saying otherwise.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Test]
    public void TheApi_RunsTheWorkstationGarbageCollector()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CustomerCare.Api.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.That(properties.TryGetProperty("System.GC.Server", out var server) && server.GetBoolean(), Is.False,
            "the workstation GC keeps the working set lower on two cores (docs/performance.md); DOTNET_gcServer=1 still overrides it");
    }
}
