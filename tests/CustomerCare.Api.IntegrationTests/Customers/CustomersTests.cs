using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Data.Seeding;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Customers;

public class CustomersTests : AdminIntegrationTest
{
    private static object Customer(string name = "Zhang Wei", string phone = "138 0013 8000", string email = "Zhang.Wei@Example.COM") => new
    {
        name,
        company = "Acme Trading",
        segment = "VIP",
        preferredChannel = "phone",
        preferredLanguage = "zh-CN",
        consent = new { contactByPhone = true, contactByEmail = false, marketing = false },
        contactPoints = new object[]
        {
            new { kind = "phone", value = phone, isPrimary = true },
            new { kind = "email", value = email, isPrimary = true },
            new { kind = "messaging", value = "zhangwei_88", platform = "WeChat", isPrimary = false },
        },
    };

    private async Task<JsonElement> CreateAsync(object? customer = null, HttpClient? client = null)
    {
        var response = await (client ?? Admin).PostAsJsonAsync("/api/v1/customers", customer ?? Customer());
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }

    private static async Task<List<string>> ColumnAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? "" : reader.GetValue(0).ToString()!);
        }

        return values;
    }

    [Test]
    public async Task Create_NormalisesPhoneToE164AndEmailToLowerCase()
    {
        var created = await CreateAsync();

        var contacts = created.GetProperty("contactPoints").EnumerateArray().ToDictionary(c => c.GetProperty("kind").GetString()!, c => c);
        Assert.Multiple(() =>
        {
            Assert.That(contacts["phone"].GetProperty("value").GetString(), Is.EqualTo("+8613800138000"));
            Assert.That(contacts["email"].GetProperty("value").GetString(), Is.EqualTo("zhang.wei@example.com"));
            Assert.That(contacts["messaging"].GetProperty("platform").GetString(), Is.EqualTo("wechat"));
            Assert.That(created.GetProperty("segment").GetString(), Is.EqualTo("vip"));
        });
    }

    [TestCase("+86 138 0013 8000")]
    [TestCase("0086-138-0013-8000")]
    [TestCase("(138) 0013 8000")]
    [TestCase("13800138000")]
    public async Task Find_ByPhoneInAnyFormat_FindsTheOneCustomer(string typed)
    {
        var created = await CreateAsync();
        await CreateAsync(Customer("Li Na", "139 1111 2222", "li.na@example.com"));
        using var agent = await ApiClient.AsStaffAsync("agent");

        var found = await (await agent.GetAsync($"/api/v1/customers?phone={Uri.EscapeDataString(typed)}")).ReadJsonAsync();

        var item = found.GetProperty("items").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(item.GetProperty("id").GetGuid(), Is.EqualTo(created.GetProperty("id").GetGuid()));
            Assert.That(item.GetProperty("primaryPhone").GetString(), Is.EqualTo("+8613*****8000"));
            Assert.That(item.GetProperty("primaryEmail").GetString(), Is.EqualTo("z***@example.com"));
        });
    }

    [Test]
    public async Task Find_ByEmailNameWordsCompanyAndSegment()
    {
        var zhang = await CreateAsync();
        await CreateAsync(Customer("Li Na", "139 1111 2222", "li.na@example.com"));
        var id = zhang.GetProperty("id").GetGuid();

        async Task<List<Guid>> Find(string query) =>
            (await (await Admin.GetAsync($"/api/v1/customers?{query}")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("id").GetGuid()).ToList();

        Assert.Multiple(async () =>
        {
            Assert.That(await Find("email=ZHANG.WEI%40example.com"), Is.EqualTo(new[] { id }));
            Assert.That(await Find("name=wei"), Is.EqualTo(new[] { id }));
            Assert.That(await Find("name=zhang%20wei"), Is.EqualTo(new[] { id }));
            Assert.That(await Find("name=zhang%20na"), Is.Empty);
            Assert.That(await Find("company=acme&segment=VIP"), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Find_AChineseName_BySurnameOrAnyTwoConsecutiveCharacters_NeverBySomeOtherPart()
    {
        var ouyang = (await CreateAsync(Customer("欧阳修", "138 0013 8101", "ouyang@example.com"))).GetProperty("id").GetGuid();
        var wang = (await CreateAsync(Customer("王小明", "138 0013 8102", "wang@example.com"))).GetProperty("id").GetGuid();
        var yang = (await CreateAsync(Customer("杨修", "138 0013 8103", "yang@example.com"))).GetProperty("id").GetGuid();

        async Task<List<Guid>> Find(string name) =>
            (await (await Admin.GetAsync($"/api/v1/customers?name={Uri.EscapeDataString(name)}")).ReadJsonAsync()).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("id").GetGuid()).ToList();

        Assert.Multiple(async () =>
        {
            Assert.That(await Find("欧阳"), Is.EqualTo(new[] { ouyang }), "a compound surname: the first two characters");
            Assert.That(await Find("欧"), Is.EqualTo(new[] { ouyang }), "one character: the surname");
            Assert.That(await Find("王"), Is.EqualTo(new[] { wang }));
            Assert.That(await Find("小明"), Is.EqualTo(new[] { wang }), "two consecutive characters anywhere");
            Assert.That(await Find("阳修"), Is.EqualTo(new[] { ouyang }));
            Assert.That(await Find("修"), Is.Empty, "one character finds surnames only");
            Assert.That(await Find("王明"), Is.Empty, "not consecutive");
            Assert.That(await Find("欧阳修"), Is.EqualTo(new[] { ouyang }), "the whole name");
            Assert.That(await Find("杨修"), Is.EqualTo(new[] { yang }));
        });
    }

    [Test]
    public async Task CustomersStoredBeforeNamePartsWereIndexed_AreFoundByThemAfterTheNextStart()
    {
        var id = (await CreateAsync(Customer("欧阳修", "138 0013 8101", "ouyang@example.com"))).GetProperty("id").GetGuid();
        await using (var connection = new Npgsql.NpgsqlConnection(Testing.Database.ConnectionString))
        {
            await connection.OpenAsync();
            // As an earlier version stored it: the whole name's key only; and no marker of the current way.
            await using var rewind = new Npgsql.NpgsqlCommand(
                "UPDATE customers SET name_keys = name_keys[1:1]; DELETE FROM settings WHERE key = 'customerNameKeys';", connection);
            await rewind.ExecuteNonQueryAsync();
        }

        var before = (await (await Admin.GetAsync($"/api/v1/customers?name={Uri.EscapeDataString("欧阳")}")).ReadJsonAsync()).GetProperty("items").GetArrayLength();
        await Testing.Factory.Services.SeedAsync();
        var after = (await (await Admin.GetAsync($"/api/v1/customers?name={Uri.EscapeDataString("欧阳")}")).ReadJsonAsync()).GetProperty("items")
            .EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Zero);
            Assert.That(after, Is.EqualTo(new[] { id }));
        });
    }

    [TestCase("phone", "12345", "contactPoints[0].value")]
    [TestCase("email", "not-an-email", "contactPoints[0].value")]
    [TestCase("messaging", "handle", "contactPoints[0].platform")]
    public async Task Create_WithInvalidContactPoint_Answers400NamingIt(string kind, string value, string field)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/customers", new
        {
            name = "X", contactPoints = new[] { new { kind, value, isPrimary = true } },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task Create_WithUnknownEnumValue_Answers400()
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/customers", new
        {
            name = "X", contactPoints = new[] { new { kind = "pigeon", value = "x", isPrimary = true } },
        });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Database_HoldsNoPlaintextNamePhoneOrEmail()
    {
        await CreateAsync();

        var names = await ColumnAsync("SELECT name FROM customers");
        var values = await ColumnAsync("SELECT value FROM customer_contact_points");
        var everything = string.Join("\n", await ColumnAsync("SELECT row_to_json(c)::text FROM customers c")
            .ContinueWith(t => t.Result.Concat(ColumnAsync("SELECT row_to_json(p)::text FROM customer_contact_points p").Result)));

        Assert.Multiple(() =>
        {
            Assert.That(names, Has.Count.EqualTo(1));
            Assert.That(values, Has.Count.EqualTo(3));
            foreach (var secret in new[] { "Zhang", "zhang", "Wei", "13800138000", "example.com", "zhangwei_88" })
            {
                Assert.That(everything, Does.Not.Contain(secret), $"'{secret}' is stored in plaintext");
            }
        });
    }

    [Test]
    public async Task Get_ByAgent_ShowsPersonalDataAndIsAudited()
    {
        var id = (await CreateAsync()).GetProperty("id").GetGuid();
        var (agentId, agentEmail) = await ApiClient.CreateStaffAsync("agent");
        using var agent = ApiClient.WithBearer(await ApiClient.SignInAsync(agentEmail, ApiClient.StaffPassword));

        var customer = await (await agent.GetAsync($"/api/v1/customers/{id}")).ReadJsonAsync();
        var audit = await (await Admin.GetAsync($"/api/v1/audit?customerId={id}&action=read")).ReadJsonAsync();

        Assert.Multiple(() =>
        {
            Assert.That(customer.GetProperty("name").GetString(), Is.EqualTo("Zhang Wei"));
            var entry = audit.GetProperty("items").EnumerateArray().Single();
            Assert.That(entry.GetProperty("actorId").GetGuid(), Is.EqualTo(agentId));
            Assert.That(entry.GetProperty("actorKind").GetString(), Is.EqualTo("staff"));
        });
    }

    [Test]
    public async Task Update_ReplacesContactPointsAndHonoursIfMatch()
    {
        var created = await CreateAsync();
        var id = created.GetProperty("id").GetGuid();
        var read = await Admin.GetAsync($"/api/v1/customers/{id}");

        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/customers/{id}")
        {
            Content = JsonContent.Create(new { name = "Zhang Wei", contactPoints = new[] { new { kind = "phone", value = "+86 139 1234 5678", isPrimary = true } } }),
        };
        update.Headers.IfMatch.Add(read.Headers.ETag!);
        var updated = await (await Admin.SendAsync(update)).ReadJsonAsync();

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/customers/{id}") { Content = JsonContent.Create(Customer()) };
        stale.Headers.IfMatch.Add(read.Headers.ETag!);
        await (await Admin.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.That(updated.GetProperty("contactPoints").EnumerateArray().Select(c => c.GetProperty("value").GetString()), Is.EqualTo(new[] { "+8613912345678" }));
        var old = await (await Admin.GetAsync("/api/v1/customers?phone=13800138000")).ReadJsonAsync();
        Assert.That(old.GetProperty("totalCount").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Merge_MovesContactPointsToTheSurvivorAndIsRecorded()
    {
        var survivor = (await CreateAsync(Customer("Zhang Wei", "138 0013 8000", "zw@example.com"))).GetProperty("id").GetGuid();
        var duplicate = (await CreateAsync(Customer("Zhang W.", "139 9999 0000", "zw@example.com"))).GetProperty("id").GetGuid();
        using var supervisor = await ApiClient.AsStaffAsync("supervisor");

        var merged = await (await supervisor.PostAsJsonAsync($"/api/v1/customers/{survivor}/merge", new { duplicateId = duplicate })).ReadJsonAsync();

        var phones = merged.GetProperty("contactPoints").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "phone")
            .Select(c => c.GetProperty("value").GetString()).ToList();
        var byNewPhone = await (await Admin.GetAsync("/api/v1/customers?phone=13999990000")).ReadJsonAsync();
        var gone = await (await Admin.GetAsync($"/api/v1/customers/{duplicate}")).ReadJsonAsync();
        var log = await (await Admin.GetAsync($"/api/v1/audit?customerId={survivor}&action=merged")).ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(phones, Is.EquivalentTo(new[] { "+8613800138000", "+8613999990000" }));
            Assert.That(merged.GetProperty("contactPoints").EnumerateArray().Count(c => c.GetProperty("kind").GetString() == "email"), Is.EqualTo(1));
            Assert.That(byNewPhone.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid(), Is.EqualTo(survivor));
            Assert.That(gone.GetProperty("mergedIntoId").GetGuid(), Is.EqualTo(survivor));
            Assert.That(log.GetProperty("items").EnumerateArray().Single().GetProperty("relatedCustomerId").GetGuid(), Is.EqualTo(duplicate));
        });

        await (await supervisor.PostAsJsonAsync($"/api/v1/customers/{survivor}/merge", new { duplicateId = duplicate }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task ExportThenErase_LeavesNoPersonalDataReadableAnywhere()
    {
        var id = (await CreateAsync()).GetProperty("id").GetGuid();

        var export = await (await Admin.GetAsync($"/api/v1/customers/{id}/export")).ReadJsonAsync();
        Assert.Multiple(() =>
        {
            Assert.That(export.GetProperty("customer").GetProperty("name").GetString(), Is.EqualTo("Zhang Wei"));
            Assert.That(export.GetProperty("customer").GetProperty("contactPoints").GetArrayLength(), Is.EqualTo(3));
            Assert.That(export.GetProperty("accessLog").EnumerateArray().Select(e => e.GetProperty("action").GetString()), Does.Contain("created"));
        });

        await (await Admin.PostAsync($"/api/v1/customers/{id}/erase", null)).AssertStatusAsync(HttpStatusCode.NoContent);

        var bodies = new List<string>
        {
            await (await Admin.GetAsync($"/api/v1/customers/{id}")).Content.ReadAsStringAsync(),
            await (await Admin.GetAsync($"/api/v1/customers/{id}/export")).Content.ReadAsStringAsync(),
            await (await Admin.GetAsync("/api/v1/customers?includeInactive=true")).Content.ReadAsStringAsync(),
            await (await Admin.GetAsync("/api/v1/audit")).Content.ReadAsStringAsync(),
        };
        var byPhone = await (await Admin.GetAsync("/api/v1/customers?phone=13800138000&includeInactive=true")).ReadJsonAsync();
        var byName = await (await Admin.GetAsync("/api/v1/customers?name=zhang&includeInactive=true")).ReadJsonAsync();
        Assert.Multiple(() =>
        {
            foreach (var body in bodies)
            {
                Assert.That(body, Does.Not.Contain("Zhang").And.Not.Contain("13800138000").And.Not.Contain("zhang.wei").And.Not.Contain("zhangwei_88"));
            }

            Assert.That(byPhone.GetProperty("totalCount").GetInt32(), Is.Zero);
            Assert.That(byName.GetProperty("totalCount").GetInt32(), Is.Zero);
            Assert.That(bodies[0], Does.Contain("\"erasedAt\":\"20"));
        });
        var log = await (await Admin.GetAsync($"/api/v1/audit?customerId={id}&action=erased")).ReadJsonAsync();
        Assert.That(log.GetProperty("totalCount").GetInt32(), Is.EqualTo(1));
        await (await Admin.PutAsJsonAsync($"/api/v1/customers/{id}", Customer())).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Partner_CannotReadCustomers()
    {
        var id = (await CreateAsync()).GetProperty("id").GetGuid();
        using var partner = ApiClient.WithApiKey((await ApiClient.CreatePartnerKeyAsync()).Key);

        await (await partner.GetAsync($"/api/v1/customers/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.GetAsync("/api/v1/customers?phone=13800138000")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
