using System.Text.Json;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// The API ships the runtime settings its project asks for. The project once set a property the SDK ignores
/// (<c>ServerGarbageCollector</c>), and the API ran the server GC for weeks under a comment saying otherwise.
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static JsonElement Properties()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CustomerCare.Api.runtimeconfig.json")));
        return config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Test]
    public void TheApi_RunsTheWorkstationGarbageCollector() =>
        Assert.That(Properties().TryGetProperty("System.GC.Server", out var server) && server.GetBoolean(), Is.False,
            "the workstation GC keeps the working set lower on two cores (docs/performance.md); DOTNET_gcServer=1 still overrides it");

    [Test]
    public void TheApi_RunsWithoutDynamicPgo() =>
        Assert.That(Properties().TryGetProperty("System.Runtime.TieredPGO", out var pgo) && !pgo.GetBoolean(), Is.True,
            "its instrumented code held ~18 MB of the working set (docs/performance.md); DOTNET_TieredPGO=1 still overrides it");

    [Test]
    public void TheApi_AsksTheGarbageCollectorToConserveMemory() =>
        Assert.That(Properties().TryGetProperty("System.GC.ConserveMemory", out var level) ? level.ToString() : null, Is.EqualTo("7"),
            "compacting the oldest generation sooner took ~20 MB off the peak working set (docs/performance.md); DOTNET_GCConserveMemory still overrides it");

    [Test]
    [NonParallelizable]
    public void OnGlibc_TheApiBoundsItsMallocArenas_UnlessMallocArenaMaxIsSet()
    {
        Assume.That(OperatingSystem.IsLinux(), "glibc's mallopt");
        using var client = Infrastructure.ApiClient.CreateClient(); // the test host has run the program's start
        Assert.That(CustomerCare.Api.Infrastructure.Hosting.MallocArenas.LimitedAtStart, Is.EqualTo(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX"))),
            "the program bounds the arenas at start, unless MALLOC_ARENA_MAX is set");
        Assert.That(CustomerCare.Api.Infrastructure.Hosting.MallocArenas.Limit(), Is.True, "mallopt(M_ARENA_MAX, 2) was accepted");
        Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", "8");
        try
        {
            Assert.That(CustomerCare.Api.Infrastructure.Hosting.MallocArenas.Limit(), Is.False, "an operator's MALLOC_ARENA_MAX decides");
        }
        finally
        {
            Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", null);
        }
    }
}
