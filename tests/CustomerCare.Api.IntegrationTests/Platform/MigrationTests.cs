using CustomerCare.Api.IntegrationTests.Infrastructure;
using CustomerCare.Infrastructure.Data;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CustomerCare.Api.IntegrationTests.Platform;

/// <summary>
/// The test run starts from an emptied database and the API migrates it at start-up: these tests check that
/// every migration was applied and that the model has no change without a migration.
/// </summary>
public class MigrationTests
{
    [Test]
    public async Task Startup_OnAnEmptyDatabase_AppliesEveryMigration()
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();

        var all = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(all, Is.Not.Empty);
            Assert.That(applied, Is.EqualTo(all));
        });
    }

    [Test]
    public async Task Model_HasNoChangesWithoutAMigration()
    {
        await using var scope = Testing.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();

        Assert.That(db.Database.HasPendingModelChanges(), Is.False,
            "Add a migration: dotnet ef migrations add Name -p src/Infrastructure -s src/Api -o Data/Migrations");
    }

    [Test]
    public async Task Startup_OnADatabaseBuiltByTheSquashedChain_AdoptsIt_AndItsSchemaIsTheFreshOne()
    {
        // A dump of what the sixteen migrations squashed on 2026-12-02 built, history included.
        var dump = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "tests", "CustomerCare.Api.IntegrationTests", "Platform", "Fixtures", "pre-squash-schema.sql"));
        var fresh = new NpgsqlConnectionStringBuilder(Testing.Database.ConnectionString);
        var old = new NpgsqlConnectionStringBuilder(Testing.Database.ConnectionString) { Database = fresh.Database + "_presquash" };
        await DropDatabaseAsync(old.Database);
        await RunAsync(Testing.Database.ConnectionString, $"CREATE DATABASE \"{old.Database}\"");
        try
        {
            // Unpooled: the dump empties search_path for its session.
            await RunAsync(new NpgsqlConnectionStringBuilder(old.ConnectionString) { Pooling = false }.ConnectionString, dump);

            await using (var factory = new CustomerCareApiFactory(old.ConnectionString))
            {
                _ = factory.Services; // starts the API: it migrates (adopting the old chain) and seeds
            }

            NpgsqlConnection.ClearAllPools();
            var history = await ReadAsync(old.ConnectionString, "SELECT migration_id FROM \"__EFMigrationsHistory\" ORDER BY 1");
            await using var scope = Testing.Factory.Services.CreateAsyncScope();
            var migrations = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>().Database.GetMigrations().ToList();
            var upgraded = await ReadAsync(old.ConnectionString, SchemaSignature);
            var created = await ReadAsync(fresh.ConnectionString, SchemaSignature);

            Assert.Multiple(() =>
            {
                Assert.That(history, Is.EqualTo(migrations), "the old chain's history became the squashed migration's, and nothing else ran");
                Assert.That(history, Does.Contain(SquashedMigrations.Initial));
                Assert.That(upgraded, Has.Count.GreaterThan(100), "the signature reads the schema");
                Assert.That(upgraded, Is.EqualTo(created), "a database built by the old chain has the schema the squashed migration builds");
            });
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await DropDatabaseAsync(old.Database);
        }
    }

    /// <summary>
    /// The free-text <c>correctiveAction</c> of investigations and <c>improvementAction</c> of answered suggestions became
    /// improvement actions: a database holding both is migrated down to before that migration, given the old texts, and
    /// up again; each text is now a planned action traced to where it was written, and the old fields are gone.
    /// </summary>
    [Test]
    public async Task TheFreeTextImprovementFields_BecomeImprovementActions_TracedToWhereTheyWereWritten()
    {
        var fresh = new NpgsqlConnectionStringBuilder(Testing.Database.ConnectionString);
        var capa = new NpgsqlConnectionStringBuilder(Testing.Database.ConnectionString) { Database = fresh.Database + "_capa" };
        await DropDatabaseAsync(capa.Database);
        await RunAsync(Testing.Database.ConnectionString, $"CREATE DATABASE \"{capa.Database}\"");
        try
        {
            await using var factory = new CustomerCareApiFactory(capa.ConnectionString);
            using var client = factory.CreateClient();
            var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = CustomerCareApiFactory.AdminEmail, password = CustomerCareApiFactory.AdminPassword });
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
                (await token.ReadJsonAsync()).GetProperty("accessToken").GetString());
            var complaint = (await new Complaints.ComplaintApi(client).ReceiveAsync()).GetProperty("id").GetGuid();
            var customer = (await (await client.GetAsync($"/api/v1/complaints/{complaint}")).ReadJsonAsync()).GetProperty("customerId").GetGuid();
            var feedback = (await (await client.PostAsJsonAsync("/api/v1/feedback",
                new { customerId = customer, kind = "suggestion", channel = "phone", subject = "发货通知", text = "希望发货时短信通知" })).ReadJsonAsync()).GetProperty("id").GetGuid();

            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CustomerCareDbContext>();
                var migrations = db.Database.GetMigrations().ToList();
                var before = migrations[migrations.FindIndex(m => m.EndsWith("_ImprovementActions", StringComparison.Ordinal)) - 1];
                await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(before);
                await RunAsync(capa.ConnectionString,
                    $"""
                    UPDATE complaints SET investigation = jsonb_build_object('Findings', '底座密封圈有缺陷', 'Cause', 'terminal', 'IsGenuine', true,
                        'Evidence', '[]'::jsonb, 'CorrectiveAction', '审核供应商批次 42，来料全检密封圈') WHERE id = '{complaint}';
                    UPDATE customer_feedback SET status = 'Answered', answer = '谢谢', accepted = true, improvement_action = '发货时发送短信通知（OPS-311）'
                    WHERE id = '{feedback}';
                    """);
                await db.Database.MigrateAsync();
            }

            NpgsqlConnection.ClearAllPools();
            var actions = await ReadAsync(capa.ConnectionString,
                "SELECT a.title || '|' || a.status || '|' || coalesce(a.category, '-') || '|' || coalesce(a.cause, '-') || '|' || l.kind || '|' || l.target_id " +
                "FROM improvement_actions a JOIN improvement_action_links l ON l.action_id = a.id ORDER BY l.kind");
            var investigation = await ReadAsync(capa.ConnectionString, $"SELECT investigation::text FROM complaints WHERE id = '{complaint}'");
            var fromFeedback = await ReadAsync(capa.ConnectionString,
                $"SELECT a.title FROM customer_feedback f JOIN improvement_actions a ON a.id = f.improvement_action_id WHERE f.id = '{feedback}'");
            var oldColumn = await ReadAsync(capa.ConnectionString,
                "SELECT column_name::text FROM information_schema.columns WHERE table_name = 'customer_feedback' AND column_name = 'improvement_action'");
            var viaApi = await (await client.GetAsync($"/api/v1/improvement-actions?tracedTo=complaint&targetId={complaint}")).ReadJsonAsync();

            Assert.Multiple(() =>
            {
                Assert.That(actions, Is.EqualTo(new[]
                {
                    $"审核供应商批次 42，来料全检密封圈|Planned|-|terminal|Complaint|{complaint}",
                    $"发货时发送短信通知（OPS-311）|Planned|-|-|Feedback|{feedback}",
                }), "one planned action per text, traced to its complaint or feedback, with the cause the investigation found");
                Assert.That(investigation.Single(), Does.Not.Contain("CorrectiveAction").And.Contain("ImprovementActionId"));
                Assert.That(fromFeedback, Is.EqualTo(new[] { "发货时发送短信通知（OPS-311）" }), "the feedback names its action");
                Assert.That(oldColumn, Is.Empty, "the free-text column is gone");
                Assert.That(viaApi.GetProperty("items")[0].GetProperty("title").GetString(), Is.EqualTo("审核供应商批次 42，来料全检密封圈"));
            });
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await DropDatabaseAsync(capa.Database);
        }
    }

    /// <summary>
    /// A newcomer's first start (scripts/run.sh on an empty database: migrate, seed the bootstrap admin, the demo staff
    /// and the demo history) logs no error and no warning: EF once logged a failed query of its history table and four
    /// warnings about configuration classes it could not make.
    /// </summary>
    [Test]
    public async Task FirstStart_OnAnEmptyDatabase_WithTheDemoData_LogsNoErrorAndNoWarning()
    {
        var empty = new NpgsqlConnectionStringBuilder(Testing.Database.ConnectionString);
        empty.Database += "_firststart";
        await DropDatabaseAsync(empty.Database);
        await RunAsync(Testing.Database.ConnectionString, $"CREATE DATABASE \"{empty.Database}\"");
        try
        {
            var before = TestLogs.Lines.Count;
            await using (var factory = new CustomerCareApiFactory(empty.ConnectionString, settings: new Dictionary<string, string?>
            {
                ["CustomerCare:Bootstrap:DemoStaffPassword"] = "Demo-Passw0rd-First-Start",
                ["CustomerCare:Demo:SeedData"] = "true",
            }))
            {
                using var client = factory.CreateClient();
                var ready = await client.GetAsync("/health/ready");
                Assert.That(ready.IsSuccessStatusCode, Is.True, await ready.Content.ReadAsStringAsync());
            }

            var complaints = await ReadAsync(empty.ConnectionString, "SELECT count(*)::text FROM complaints");
            var loud = TestLogs.Lines.Skip(before)
                .Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning)
                .Select(l => $"{l.Level} {l.Category}: {l.Message}")
                .ToList();
            Assert.Multiple(() =>
            {
                Assert.That(int.Parse(complaints[0], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(100), "the demo history was seeded");
                Assert.That(loud, Is.Empty);
            });
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await DropDatabaseAsync(empty.Database);
        }
    }

    /// <summary>Columns (type, nullability, generation), indexes, constraints, triggers and functions, one line each, sorted.</summary>
    private const string SchemaSignature = """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
               || ' ' || is_nullable || ' ' || coalesce(generation_expression, '')
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
        UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EF%'
        UNION ALL SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '%\_\_EF%'
        UNION ALL SELECT 'trigger ' || tgrelid::regclass::text || ' ' || tgname || ' ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
        UNION ALL SELECT 'function ' || proname || ' ' || md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
        ORDER BY 1
        """;

    /// <summary>
    /// Drops a test database. A plain DROP makes autovacuum workers on it exit (and waits for them), which FORCE cannot do
    /// as our role: it may only terminate its own sessions, and autovacuum runs on a database the demo data just filled.
    /// Sessions of ours still closing are waited for; FORCE is the last resort.
    /// </summary>
    private static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunAsync(Testing.Database.ConnectionString, $"DROP DATABASE IF EXISTS \"{name}\"");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse)
            {
                await RunAsync(Testing.Database.ConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
        }
    }

    private static async Task RunAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // CREATE / DROP DATABASE write and sync a whole database's files: on a loaded machine (CI runs beside the API and
        // two CPU-bound loops) dropping one the demo data filled has taken over Npgsql's default 30 s.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ReadAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
