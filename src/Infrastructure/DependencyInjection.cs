using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Infrastructure.Data;
using CustomerCare.Infrastructure.Data.Interceptors;
using CustomerCare.Infrastructure.Data.Seeding;
using CustomerCare.Infrastructure.Health;
using CustomerCare.Infrastructure.Idempotency;
using CustomerCare.Infrastructure.Identity;
using CustomerCare.Infrastructure.Outbox;
using CustomerCare.Infrastructure.PersonalData;
using CustomerCare.Infrastructure.Settings;
using CustomerCare.Infrastructure.Sla;
using CustomerCare.Infrastructure.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerCare.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Contexts are pooled: their options (and EF Core's services behind them) are built once, when the first context
        // is, from the final configuration, so every configuration source (environment, test host, user secrets) is
        // honoured. A request leases a context for its scope and gives it back when the scope ends; building options and
        // a context's internal services per request was ~15 % of the API's CPU on reads (docs/performance.md).
        services.AddPooledDbContextFactory<CustomerCareDbContext>((provider, options) =>
        {
            var connectionString = provider.GetRequiredService<IConfiguration>()
                .GetConnectionString(DatabaseOptions.ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "No database is configured: set ConnectionStrings__CustomerCare " +
                    "(scripts/run.sh starts a local PostgreSQL and sets it for you).");
            }

            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            ConfigureDbContext(options, connectionString, database);
            // The model, built once: without it every context would look for a compiled model by reflection over the
            // assembly's attributes first, which allocates dynamic methods for the finalizer to reap.
            options.UseModel(provider.GetRequiredService<RuntimeModelCache>().Get(() =>
            {
                var builder = new DbContextOptionsBuilder<CustomerCareDbContext>();
                ConfigureDbContext(builder, connectionString, database);
                using var context = new CustomerCareDbContext(
                    builder.Options, provider.GetRequiredService<PersonalDataProtector>(), provider.GetRequiredService<StoredSecretProtector>());
                return context.Model;
            }));
            // One instance of each interceptor for every context: what one needs of the request it finds through the
            // context (CustomerCareDbContext.RequestServices), what it keeps between two events of a save, on it.
            options.AddInterceptors(
                provider.GetRequiredService<TrackSlaInterceptor>(),
                provider.GetRequiredService<DispatchDomainEventsInterceptor>(),
                provider.GetRequiredService<EndStaffSessionsInterceptor>(),
                TraceContextInterceptor,
                CopyNewRowsInterceptor,
                PlanCacheModeInterceptor);
        }, poolSize: 256);
        services.AddScoped<ScopedContextLease>();
        services.AddScoped(provider => provider.GetRequiredService<ScopedContextLease>().Context);
        services.AddSingleton<RuntimeModelCache>();
        services.AddSingleton<Diagnostics.CustomerCareMetrics>();
        services.AddHostedService<Diagnostics.OperationalGaugesWorker>();
        services.AddSingleton<IExceptionTranslator, DatabaseExceptionTranslator>();
        services.AddSingleton<DispatchDomainEventsInterceptor>();
        services.AddScoped<IComplaintOutbox, ComplaintOutbox>();
        services.AddSingleton<TrackSlaInterceptor>();
        services.AddSingleton<EndStaffSessionsInterceptor>();
        services.AddOptions<SlaOptions>().Bind(configuration.GetSection(SlaOptions.SectionName))
            .Validate(o => TryBuild(o), "CustomerCare:Sla does not describe a valid calendar and policy (time zone, working hours HH:mm-HH:mm, ISO 8601 targets).")
            .ValidateOnStart();
        services.AddSingleton<ISlaScheduleProvider, SlaScheduleProvider>();
        services.AddScoped<ISettingsStore, SettingsStore>();
        services.AddScoped<SlaScanner>();
        services.AddScoped<SlaRescheduler>();
        services.AddHostedService<SlaBreachWorker>();
        services.AddScoped<IApplicationDbContext>(provider => provider.GetRequiredService<CustomerCareDbContext>());
        services.AddScoped<ICustomerRecords, CustomerRecords>();
        services.AddSingleton<IAttachmentStore>(provider =>
            provider.GetRequiredService<IOptions<AttachmentOptions>>().Value is { S3.IsConfigured: true } attachments
                ? new Attachments.S3AttachmentStore(attachments.S3)
                : ActivatorUtilities.CreateInstance<Attachments.DiskAttachmentStore>(provider));
        services.AddScoped<Reports.ComplaintStatistics>();
        services.AddSingleton<Reports.ReportCache>();
        services.AddScoped<Application.Reports.IComplaintStatistics, Reports.CachedComplaintStatistics>();
        services.AddOptions<Reports.ReportReplicaOptions>().Bind(configuration.GetSection(Reports.ReportReplicaOptions.SectionName));
        services.AddSingleton<Reports.ReportReplica>();
        services.AddScoped<IReportDatabase, Reports.ReportDatabase>();

        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.SectionName))
            .Validate(o => o.InFlightWait > TimeSpan.Zero && o.Retention > TimeSpan.Zero,
                "CustomerCare:Idempotency:InFlightWait and :Retention must be positive (a wait of 0 would be no bound at all).")
            .ValidateOnStart();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddSingleton<WebhookSender>();
        services.AddScoped<WebhookDispatcher>();
        services.AddHostedService<WebhookWorker>();
        services.AddHostedService<HousekeepingWorker>();
        services.AddHostedService<Surveys.SurveyCampaignWorker>();
        services.AddSingleton<Imports.ComplaintImportWorker>();
        services.AddSingleton<IComplaintImportRunner>(provider => provider.GetRequiredService<Imports.ComplaintImportWorker>());
        services.AddHostedService(provider => provider.GetRequiredService<Imports.ComplaintImportWorker>());
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var webhooks = provider.GetRequiredService<IOptions<WebhookOptions>>().Value;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    ConnectTimeout = TimeSpan.FromSeconds(10),
                    ConnectCallback = (context, ct) => NetworkGuard.ConnectAsync(context, webhooks.AllowPrivateNetworks, ct),
                };
            });

        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<INotificationPolicyProvider, Notifications.NotificationPolicyProvider>();
        services.AddSingleton<Notifications.INotificationSender, Notifications.EmailSender>();
        services.AddSingleton<Notifications.INotificationSender, Notifications.SmsGatewaySender>();
        services.AddSingleton<Notifications.INotificationSender, Notifications.WeComRobotSender>();
        services.AddSingleton<Notifications.INotificationSender, Notifications.DingTalkRobotSender>();
        services.AddSingleton<INotificationChannels, Notifications.NotificationChannels>();
        services.AddSingleton<Notifications.NotificationSendPolicy>();
        services.AddScoped<Notifications.NotificationDispatcher>();
        services.AddHostedService<Notifications.NotificationWorker>();
        // The gateway is the operator's own service (often on its network): no address guard, the attempt timeout is the sender's.
        services.AddHttpClient(Notifications.SmsGatewaySender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = TimeSpan.FromSeconds(10) });

        // Robots post only to the hosts RobotChannelOptions allows (checked when an administrator sets one); no redirects.
        services.AddHttpClient(Notifications.GroupRobotSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = TimeSpan.FromSeconds(10) });

        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SignInThrottleOptions>().Bind(configuration.GetSection(SignInThrottleOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BootstrapOptions>().Bind(configuration.GetSection(BootstrapOptions.SectionName));
        services.AddOptions<DemoDataOptions>().Bind(configuration.GetSection(DemoDataOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TokenSigningKey>();
        services.AddSingleton<IPasswordHasher, AspNetPasswordHasher>();
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();
        services.AddScoped<ISignInThrottle, SignInThrottle>();
        services.AddScoped<StaffSessionValidator>();
        services.AddSingleton<StaffSessions>();
        services.AddHostedService<StaffSessionListener>();
        services.AddScoped<ApiKeyAuthenticator>();

        services.AddOptions<PersonalDataOptions>().Bind(configuration.GetSection(PersonalDataOptions.SectionName));
        var personalData = configuration.GetSection(PersonalDataOptions.SectionName).Get<PersonalDataOptions>() ?? new PersonalDataOptions();
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("CustomerCare")
            .PersistKeysToFileSystem(new DirectoryInfo(personalData.ResolvedKeyDirectory));
        if (!string.IsNullOrWhiteSpace(personalData.KeyEncryptionCertificate))
        {
            // Keys are written encrypted to the certificate and read back with its private key, found here rather than
            // in a certificate store (there is none to rely on in a container).
            var certificate = LoadKeyEncryptionCertificate(personalData.KeyEncryptionCertificate, personalData.KeyEncryptionCertificatePassword);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<StoredSecretProtector>();
        services.AddSingleton<IPersonalDataIndex, BlindIndex>();
        services.AddSingleton<IContactNormaliser, ContactNormaliser>();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: ["ready"], timeout: TimeSpan.FromSeconds(5));

        return services;
    }

    /// <summary>The read-optimised model of <see cref="CustomerCareDbContext"/>, built by the first context and handed to all later ones.</summary>
    internal sealed class RuntimeModelCache
    {
        private readonly Lock _gate = new();
        private Microsoft.EntityFrameworkCore.Metadata.IModel? _model;

        public Microsoft.EntityFrameworkCore.Metadata.IModel Get(Func<Microsoft.EntityFrameworkCore.Metadata.IModel> build)
        {
            if (_model is { } model)
            {
                return model;
            }

            lock (_gate)
            {
                return _model ??= build();
            }
        }
    }

    private static bool TryBuild(SlaOptions options)
    {
        try
        {
            options.ToSchedule();
            return true;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or CustomerCare.Domain.Common.DomainException)
        {
            return false;
        }
    }

    /// <summary>Stateless: one for every context.</summary>
    private static readonly TraceContextInterceptor TraceContextInterceptor = new();
    private static readonly CopyNewRowsInterceptor CopyNewRowsInterceptor = new();
    private static readonly PlanCacheModeInterceptor PlanCacheModeInterceptor = new();

    internal static void ConfigureDbContext(DbContextOptionsBuilder options, string connectionString, DatabaseOptions database)
    {
        options
            .UseNpgsql(Tuned(connectionString), npgsql =>
            {
                npgsql.MigrationsAssembly(typeof(CustomerCareDbContext).Assembly.GetName().Name);
                npgsql.CommandTimeout(database.CommandTimeoutSeconds);
                if (database.MaxRetryCount > 0)
                {
                    npgsql.ExecutionStrategy(dependencies =>
                        new DatabaseExecutionStrategy(dependencies, database.MaxRetryCount, database.MaxRetryDelay));
                }
            })
            .UseSnakeCaseNamingConvention()
            // No check for two operations at once on one context: a context here is used by one request or job at a time,
            // and the check wrote an AsyncLocal twice for every row a query read (~8 % of what a list allocated).
            .EnableThreadSafetyChecks(false);
    }

    /// <summary>
    /// The application's connections, unless the connection string says otherwise: statements the API sends again and
    /// again are prepared on each connection after their second use (<c>Max Auto Prepare</c>: PostgreSQL parses and plans
    /// them once per connection, not per execution, which a batch of hundreds of inserts pays per row), and a connection
    /// going back to the pool is not reset (<c>No Reset On Close</c>: no <c>DISCARD ALL</c> round trip, and the prepared
    /// statements survive). Safe because nothing here leaves session state behind: settings are <c>SET LOCAL</c> or
    /// <c>set_config(…, true)</c>, locks are transaction-scoped, and LISTEN has a connection of its own outside the pool.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!ContainsKey(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 200;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!ContainsKey(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    private static bool ContainsKey(string connectionString, params string[] names) =>
        connectionString.Split(';').Select(p => p.Split('=')[0].Trim())
            .Any(k => names.Any(n => string.Equals(k, n, StringComparison.OrdinalIgnoreCase)));

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 LoadKeyEncryptionCertificate(string path, string? password)
    {
        try
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"The key encryption certificate {path} has no private key: the key ring could not be read back.");
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"CustomerCare:PersonalData:KeyEncryptionCertificate ({path}) could not be loaded: a PKCS#12 file and its password are expected.", ex);
        }
    }
}
