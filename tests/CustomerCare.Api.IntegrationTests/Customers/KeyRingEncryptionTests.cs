using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Api.IntegrationTests.Customers;

/// <summary>With a key encryption certificate configured, the Data Protection key ring is stored encrypted and read back.</summary>
public sealed class KeyRingEncryptionTests : IntegrationTest
{
    private const string UnencryptedWarning = "No XML encryptor configured";

    [Test]
    public async Task WithACertificate_TheKeyRingIsEncryptedAtRest_WithoutTheWarning_AndReadBackAfterARestart()
    {
        var directory = Directory.CreateTempSubdirectory("customercare-keyring-");
        try
        {
            var pfx = Path.Combine(directory.FullName, "keyring.pfx");
            const string password = "证书-Passw0rd";
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=CustomerCare key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, password));
            }

            var keys = Path.Combine(directory.FullName, "keys");
            var settings = new Dictionary<string, string?>
            {
                ["CustomerCare:PersonalData:KeyDirectory"] = keys,
                ["CustomerCare:PersonalData:KeyEncryptionCertificate"] = pfx,
                ["CustomerCare:PersonalData:KeyEncryptionCertificatePassword"] = password,
            };

            TestLogs.Clear();
            Guid customer;
            await using (var first = new CustomerCareApiFactory(Testing.Database.ConnectionString, settings: settings))
            {
                using var admin = await SignInAsync(first);
                var created = await admin.PostAsJsonAsync("/api/v1/customers", new { name = "欧阳修", contactPoints = new[] { new { kind = "phone", value = "138 0013 8123" } } });
                await created.AssertStatusAsync(HttpStatusCode.Created);
                customer = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
            }

            var warnings = TestLogs.Lines.Where(l => l.Level >= LogLevel.Warning && l.Message.Contains(UnencryptedWarning, StringComparison.Ordinal)).ToList();
            var files = Directory.GetFiles(keys, "key-*.xml").Select(File.ReadAllText).ToList();

            string name;
            await using (var second = new CustomerCareApiFactory(Testing.Database.ConnectionString, settings: settings))
            {
                using var admin = await SignInAsync(second);
                name = (await (await admin.GetAsync($"/api/v1/customers/{customer}")).ReadJsonAsync()).GetProperty("name").GetString()!;
            }

            Assert.Multiple(() =>
            {
                Assert.That(files, Is.Not.Empty, "a key was written");
                Assert.That(files, Has.All.Contain("encryptedSecret").And.All.Not.Contain("<masterKey"), "stored encrypted to the certificate");
                Assert.That(warnings, Is.Empty, "no warning about an unencrypted key ring");
                Assert.That(name, Is.EqualTo("欧阳修"), "a restarted API reads the personal data back");
            });
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public async Task WithACertificateThatCannotBeLoaded_TheApiDoesNotStart()
    {
        var settings = new Dictionary<string, string?>
        {
            ["CustomerCare:PersonalData:KeyDirectory"] = Path.Combine(Path.GetTempPath(), "customercare-keyring-missing"),
            ["CustomerCare:PersonalData:KeyEncryptionCertificate"] = Path.Combine(Path.GetTempPath(), "no-such-certificate.pfx"),
        };
        await using var factory = new CustomerCareApiFactory(Testing.Database.ConnectionString, settings: settings);

        Assert.That(() => factory.Server, Throws.InstanceOf<Exception>());
    }

    private static async Task<HttpClient> SignInAsync(CustomerCareApiFactory factory)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = CustomerCareApiFactory.AdminEmail, password = CustomerCareApiFactory.AdminPassword });
        var token = (await response.ReadJsonAsync()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
