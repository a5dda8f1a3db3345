using System.Net;
using System.Net.Http.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Api.IntegrationTests.Auth;

/// <summary>
/// Failed sign-ins are also counted per client address: one address guessing many accounts is stopped even
/// though no single account reaches its own limit. The in-memory test server has no peer address, so
/// <see cref="FixedRemoteAddress"/> gives every request one.
/// </summary>
public class AddressLockoutTests : IntegrationTest
{
    [Test]
    public async Task SignIn_After20FailuresFromOneAddress_LocksThatAddressButNotOthers()
    {
        await using var fromAttacker = Testing.Factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddSingleton<IStartupFilter>(new FixedRemoteAddress(IPAddress.Parse("203.0.113.9")))));
        await using var fromColleague = Testing.Factory.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddSingleton<IStartupFilter>(new FixedRemoteAddress(IPAddress.Parse("198.51.100.7")))));
        using var attacker = fromAttacker.CreateClient();
        using var colleague = fromColleague.CreateClient();
        var (_, email) = await ApiClient.CreateStaffAsync("agent");

        for (var i = 0; i < 20; i++)
        {
            // A different account each time: no account reaches its own limit of 5.
            await (await attacker.PostAsJsonAsync("/api/v1/auth/token", new { email = $"guess{i}@tests.example", password = "Wrong-Passw0rd-x" }))
                .AssertStatusAsync(HttpStatusCode.Unauthorized);
        }

        var blocked = await attacker.PostAsJsonAsync("/api/v1/auth/token", new { email, password = ApiClient.StaffPassword });
        var allowed = await colleague.PostAsJsonAsync("/api/v1/auth/token", new { email, password = ApiClient.StaffPassword });

        await blocked.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        await allowed.AssertStatusAsync(HttpStatusCode.OK);
    }
}
