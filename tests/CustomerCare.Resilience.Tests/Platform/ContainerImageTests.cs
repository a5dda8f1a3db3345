using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Resilience.Tests.Infrastructure;

namespace CustomerCare.Resilience.Tests.Platform;

/// <summary>
/// The container image, built as a release builds it (scripts/image.sh: the SDK's PublishContainer, on a base image made
/// from Debian's packages), checked without an engine (scripts/image.sh check: user, entrypoint, port, volumes, labels),
/// then run without one (scripts/image.sh run, which needs root): the migration step, then the API serving a Chinese
/// complaint from a read-only root filesystem as the image's non-root user, its own health probe, and a graceful stop.
/// </summary>
[NonParallelizable]
public class ContainerImageTests
{
    private static readonly string Script = Path.Combine(RepositoryRoot.Find(), "scripts", "image.sh");

    /// <summary>scripts/image.sh with <paramref name="args"/> (quoted), given up after 20 minutes: a publish on a loaded two-core machine.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var outcome = await Scripts.RunAsync($"bash '{Script}' {string.Join(' ', args.Select(a => $"'{a}'"))}", environment: environment,
            timeout: TimeSpan.FromMinutes(20));
        return (outcome.ExitCode, outcome.Output + outcome.Errors);
    }

    /// <summary>The image's process serving <paramref name="port"/>: found by its command line and environment.</summary>
    private static int ImageProcess(int port) => Directory.GetDirectories("/proc")
        .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
        .Where(pid => pid > 0)
        .Single(pid =>
        {
            try
            {
                return File.ReadAllText($"/proc/{pid}/cmdline").StartsWith("/app/CustomerCare.Api\0", StringComparison.Ordinal)
                    && File.ReadAllText($"/proc/{pid}/environ").Split('\0').Contains($"ASPNETCORE_URLS=http://127.0.0.1:{port}");
            }
            catch (IOException)
            {
                return false; // gone meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        });

    [Test]
    public async Task TheImage_Builds_PassesItsCheck_ThenMigratesAndServes_ReadOnly_AsItsUser_AndProbesItself()
    {
        var directory = Directory.CreateTempSubdirectory("customercare-image-");
        try
        {
            var archive = Path.Combine(directory.FullName, "customercare-api.tar");
            var build = await RunAsync(null, archive);
            Assert.That(build.ExitCode, Is.Zero, build.Output);
            var check = await RunAsync(null, "check", archive);
            Assert.Multiple(() =>
            {
                Assert.That(check.ExitCode, Is.Zero, check.Output);
                Assert.That(check.Output.Split('\n').Count(l => l.StartsWith("ok: ", StringComparison.Ordinal)), Is.EqualTo(10), check.Output);
                Assert.That(check.Output, Does.Contain("ok: named customercare/api:latest"), "the name deploy/compose.yaml runs");
            });

            if (Environment.UserName != "root")
            {
                Assert.Ignore("Built and checked; running the image without an engine needs root (mount namespaces), as CI has.");
            }

            var connectionString = await OwnCluster.CreateDatabaseAsync("resilience_image");
            var data = Path.Combine(directory.FullName, "data");
            var settings = new Dictionary<string, string>
            {
                ["CustomerCare__Database__MigrateOnStartup"] = "false", // the migration step does it
                ["CustomerCare__PersonalData__KeyDirectory"] = "/var/lib/customercare/keys", // the image's own, in the volume
            };
            await using var api = new ApiProcess(connectionString, settings, ["bash", Script, "run", archive, data]);
            var migrate = await RunAsync(api.EnvironmentVariables, "run", archive, data, "migrate");
            Assert.That(migrate.ExitCode, Is.Zero, migrate.Output);
            Assert.That(await Database.ScalarAsync<long>(connectionString, "SELECT count(*) FROM departments"), Is.GreaterThan(0), "migrated and seeded");

            await api.StartAsync(TimeSpan.FromMinutes(3));
            using var admin = await api.AdminAsync();
            var created = await admin.PostAsJsonAsync("/api/v1/complaints", new
            {
                channel = "phone",
                customer = new { name = "王小明", phone = "+86 139 0000 1111" },
                title = "热水壶底座漏水",
                description = "使用两天后底座开始漏水。",
                occurredAt = DateTimeOffset.UtcNow.AddDays(-1),
            });
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var read = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/complaints/{id}");

            var pid = ImageProcess(api.Port);
            var status = await File.ReadAllLinesAsync($"/proc/{pid}/status");
            var mounts = (await File.ReadAllLinesAsync($"/proc/{pid}/mountinfo")).Select(l => l.Split(' ')).ToList();
            var probe = await RunAsync(api.EnvironmentVariables, "run", archive, data, "health");
            var keys = Directory.GetFiles(Path.Combine(data, "keys"));

            Assert.Multiple(() =>
            {
                Assert.That(read.GetProperty("title").GetString(), Is.EqualTo("热水壶底座漏水"));
                Assert.That(status.Single(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1], Is.EqualTo("1654"), "the image's user");
                Assert.That(mounts.Single(m => m[4] == "/")[5].Split(','), Does.Contain("ro"), "a read-only root filesystem");
                Assert.That(mounts.Single(m => m[4] == "/tmp"), Does.Contain("tmpfs"));
                Assert.That(keys.Select(Path.GetFileName), Has.Some.StartsWith("key-").And.Some.EqualTo("blind-index.key"), "the key ring in the volume");
                Assert.That(probe.ExitCode, Is.Zero, probe.Output);
                Assert.That(probe.Output, Does.Contain("/health/ready: 200"));
            });

            Assert.That(await api.StopAsync(), Is.Zero, $"a graceful stop on SIGTERM:\n{api.RecentOutput}");
            Assert.That(() => ImageProcess(api.Port), Throws.InvalidOperationException, "nothing of the image is left running");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
