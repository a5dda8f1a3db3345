namespace CustomerCare.Api.IntegrationTests.Infrastructure;

/// <summary>Base of tests that go over HTTP: each starts from a clean database with a fresh client.</summary>
public abstract class IntegrationTest
{
    protected HttpClient Client { get; private set; } = null!;

    [SetUp]
    public async Task ResetAsync()
    {
        await Testing.ResetDatabaseAsync();
        Client = Testing.Factory.CreateClient();
    }

    [TearDown]
    public void DisposeClient() => Client.Dispose();
}

/// <summary>Base of tests that act mostly as the bootstrap administrator.</summary>
public abstract class AdminIntegrationTest : IntegrationTest
{
    protected HttpClient Admin { get; private set; } = null!;

    [SetUp]
    public async Task SignInAdminAsync() => Admin = await ApiClient.AsAdminAsync();

    [TearDown]
    public void SignOutAdmin() => Admin.Dispose();
}
