using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints;
using CustomerCare.Domain.Attachments;
using CustomerCare.Domain.CareTasks;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Feedback;
using CustomerCare.Domain.Imports;
using CustomerCare.Domain.ImprovementActions;
using CustomerCare.Domain.Incidents;
using CustomerCare.Domain.Notifications;
using CustomerCare.Domain.Organisation;
using CustomerCare.Domain.Partners;
using CustomerCare.Domain.Surveys;
using CustomerCare.Domain.Webhooks;
using CustomerCare.Infrastructure.Data.Configurations;
using CustomerCare.Infrastructure.Idempotency;
using CustomerCare.Infrastructure.Identity;
using CustomerCare.Infrastructure.Outbox;
using CustomerCare.Infrastructure.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerCare.Infrastructure.Data;

/// <summary>
/// The unit of work. Requests lease instances from a pool (<c>AddPooledDbContextFactory</c>, see
/// <see cref="DependencyInjection"/>): the public constructor takes the options only, with the model already built; the
/// model is built once, through the internal constructor that brings the protectors its value converters need.
/// </summary>
public sealed class CustomerCareDbContext : DbContext, IApplicationDbContext
{
    private readonly DbContextOptions<CustomerCareDbContext> _options;
    private readonly PersonalDataProtector? _protector;
    private readonly StoredSecretProtector? _secrets;
    private bool _heldByScope;

    /// <summary>
    /// A context on options that carry the model (<c>UseModel</c>): pooled contexts, the replica's context. Should the
    /// model be built again (migrations compare the design-time model), the protectors come from the application's
    /// services the options were made with.
    /// </summary>
    public CustomerCareDbContext(DbContextOptions<CustomerCareDbContext> options)
        : base(options)
    {
        _options = options;
    }

    /// <summary>A context that can build the model (its encrypted columns need the protectors).</summary>
    internal CustomerCareDbContext(DbContextOptions<CustomerCareDbContext> options, PersonalDataProtector protector, StoredSecretProtector secrets)
        : base(options)
    {
        _options = options;
        _protector = protector;
        _secrets = secrets;
    }

    /// <summary>
    /// The services of the request (or worker scope) that leased this context: what its interceptors use for that
    /// scope (the mediator publishing domain events). Null outside a lease.
    /// </summary>
    internal IServiceProvider? RequestServices { get; private set; }

    /// <summary>The staff members whose sessions the save under way ends (<c>EndStaffSessionsInterceptor</c>).</summary>
    internal List<Guid>? EndingSessions { get; set; }

    /// <summary>
    /// This context, leased from the pool for the scope of <paramref name="services"/>, with nothing of an earlier lease.
    /// Until <see cref="ReturnAsync"/>, disposing it does nothing: the scope disposes it once for every service it was
    /// resolved as (<see cref="CustomerCareDbContext"/>, <see cref="IApplicationDbContext"/>), and a second return to the
    /// pool, after another request had leased the instance in between, would take it from under that request
    /// ("Cannot access a disposed context instance", 2026-12-05). <see cref="ScopedContextLease"/> returns it, once.
    /// </summary>
    internal CustomerCareDbContext LeasedTo(IServiceProvider services)
    {
        ForgetLease();
        RequestServices = services;
        _heldByScope = true;
        return this;
    }

    /// <summary>Back to the pool: the end of the lease <see cref="LeasedTo"/> began.</summary>
    internal ValueTask ReturnAsync()
    {
        _heldByScope = false;
        return DisposeAsync();
    }

    /// <inheritdoc cref="ReturnAsync"/>
    internal void Return()
    {
        _heldByScope = false;
        Dispose();
    }

    public override void Dispose()
    {
        if (_heldByScope)
        {
            return;
        }

        ForgetLease();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        if (_heldByScope)
        {
            return ValueTask.CompletedTask;
        }

        ForgetLease();
        return base.DisposeAsync();
    }

    /// <summary>
    /// What a request leaves on the context besides EF Core's own state (which the pool resets): an instance goes back
    /// to the pool when its scope ends, also when a request failed with its transaction open.
    /// </summary>
    private void ForgetLease()
    {
        RequestServices = null;
        EndingSessions = null;
        CopiedRows = null;
        BeforeUpdates = null;
        _requestTransaction = null;
        _afterCommit = null;
    }

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<ComplaintCategory> ComplaintCategories => Set<ComplaintCategory>();

    public DbSet<ComplaintCause> ComplaintCauses => Set<ComplaintCause>();

    public DbSet<CustomerGrade> CustomerGrades => Set<CustomerGrade>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<ImprovementAction> ImprovementActions => Set<ImprovementAction>();

    public DbSet<StaffMember> Staff => Set<StaffMember>();

    public DbSet<Partner> Partners => Set<Partner>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<CustomerAccessRecord> CustomerAccessRecords => Set<CustomerAccessRecord>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<TimelineEntry> ComplaintTimeline => Set<TimelineEntry>();

    public DbSet<SurveyTemplate> SurveyTemplates => Set<SurveyTemplate>();

    public DbSet<SurveyTemplateVersion> SurveyTemplateVersions => Set<SurveyTemplateVersion>();

    public DbSet<SurveyCampaign> SurveyCampaigns => Set<SurveyCampaign>();

    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();

    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();

    public DbSet<CustomerFeedback> Feedback => Set<CustomerFeedback>();

    public DbSet<CareTask> CareTasks => Set<CareTask>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookDeliveryAttempt> WebhookDeliveryAttempts => Set<WebhookDeliveryAttempt>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<StatusLookup> StatusLookups => Set<StatusLookup>();

    public DbSet<DepartmentRobot> DepartmentRobots => Set<DepartmentRobot>();

    public DbSet<ComplaintImport> ComplaintImports => Set<ComplaintImport>();

    public DbSet<ComplaintImportRow> ComplaintImportRows => Set<ComplaintImportRow>();

    internal DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    internal DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public async Task<long> NextComplaintSequenceAsync(CancellationToken cancellationToken) =>
        await Database.SqlQueryRaw<long>($"SELECT nextval('{ComplaintConfiguration.NumberSequence}') AS \"Value\"").SingleAsync(cancellationToken);

    public async Task<IReadOnlyList<long>> NextComplaintSequencesAsync(int count, CancellationToken cancellationToken) =>
        count <= 0
            ? []
            : await Database.SqlQueryRaw<long>(
                $"SELECT nextval('{ComplaintConfiguration.NumberSequence}') AS \"Value\" FROM generate_series(1, {{0}})", count).ToListAsync(cancellationToken);

    /// <summary>
    /// {0}: the partner, {1}: the references. A lateral join looks each reference up in
    /// <c>ix_complaints_partner_id_external_reference</c>. <c>external_reference = ANY({1})</c> let PostgreSQL walk every
    /// complaint of the partner and filter them (an array on an index's second column): 0.1–1 s for each batch of an
    /// import when the partner has 20,000–130,000 complaints, against ~1 ms this way.
    /// </summary>
    public const string ComplaintsByReferenceSql =
        """
        SELECT c.external_reference, c.id, c.number
        FROM unnest({1}::text[]) AS r(reference)
        CROSS JOIN LATERAL (
            SELECT c.external_reference, c.id, c.number FROM complaints c
            WHERE c.partner_id = {0} AND c.external_reference = r.reference
            LIMIT 1) c
        """;

    public async Task<IReadOnlyList<ReferencedComplaint>> ComplaintsByReferenceAsync(Guid partnerId, IReadOnlyCollection<string> references,
        CancellationToken cancellationToken) =>
        references.Count == 0
            ? []
            : await Database.SqlQueryRaw<ReferencedComplaint>(ComplaintsByReferenceSql, partnerId, references.ToArray()).ToListAsync(cancellationToken);

    public Task<T> ReadAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        Database.CreateExecutionStrategy() is DatabaseExecutionStrategy strategy
            ? strategy.ReadAsync(read, ChangeTracker.Clear, cancellationToken) // a retry reads, or adds, anew what the failed attempt did
            : read(cancellationToken);

    public IAsyncEnumerable<TResult> Compiled<TResult>(Func<DbContext, IAsyncEnumerable<TResult>> query) => query(this);

    public Task<TResult> Compiled<TResult>(Func<DbContext, Task<TResult>> query) => query(this);

    public async Task<long> ChangeFeedHorizonAsync(CancellationToken cancellationToken) =>
        await Database.SqlQueryRaw<long>("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS \"Value\"").SingleAsync(cancellationToken);

    internal DbSet<SignInThrottleEntry> SignInThrottles => Set<SignInThrottleEntry>();

    internal DbSet<Settings.SettingEntry> Settings => Set<Settings.SettingEntry>();

    public async Task SaveChangesAsync(Func<CancellationToken, Task> alongside, CancellationToken cancellationToken)
    {
        if (_requestTransaction is { } request)
        {
            // Part of the request's transaction: should the save fail, the set-based statements are undone with it,
            // not committed alongside the problem response the request then stores.
            const string savepoint = "alongside";
            await request.CreateSavepointAsync(savepoint, cancellationToken);
            try
            {
                await alongside(cancellationToken);
                await SaveChangesAsync(cancellationToken);
            }
            catch
            {
                await request.RollbackToSavepointAsync(savepoint, CancellationToken.None);
                throw;
            }

            await request.ReleaseSavepointAsync(savepoint, cancellationToken);
            return;
        }

        // The execution strategy may run this more than once: changes are accepted only after the commit.
        var strategy = Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            await alongside(ct);
            await SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        ChangeTracker.AcceptAllChanges();
    }

    /// <summary>The rows a bulk save has written with COPY so far; null outside a bulk save (see CopyNewRowsInterceptor).</summary>
    internal List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry>? CopiedRows { get; private set; }

    /// <summary>What a bulk save runs between its COPY and EF Core's updates (see CopyNewRowsInterceptor); null otherwise.</summary>
    internal Func<CancellationToken, Task>? BeforeUpdates { get; private set; }

    public Task SaveChangesInBulkAsync(CancellationToken cancellationToken) => SaveInBulkAsync(null, cancellationToken);

    public Task SaveChangesInBulkAsync(Func<CancellationToken, Task> beforeUpdates, CancellationToken cancellationToken) =>
        SaveInBulkAsync(beforeUpdates, cancellationToken);

    private async Task SaveInBulkAsync(Func<CancellationToken, Task>? beforeUpdates, CancellationToken cancellationToken)
    {
        if (_requestTransaction is not null)
        {
            if (beforeUpdates is not null)
            {
                await beforeUpdates(cancellationToken);
            }

            await SaveChangesAsync(cancellationToken); // a request's own save: a few rows, behind EF Core's savepoint
            return;
        }

        var copied = CopiedRows = [];
        BeforeUpdates = beforeUpdates;
        void Uncopy()
        {
            foreach (var entry in copied)
            {
                entry.State = EntityState.Added;
            }

            copied.Clear();
        }

        try
        {
            // One transaction for COPY and EF Core's statements; the execution strategy may run it more than once, so each
            // attempt writes again what an earlier one copied, and changes are accepted only after the commit.
            var strategy = Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async ct =>
            {
                Uncopy();
                await using var transaction = await Database.BeginTransactionAsync(ct);
                // The last interceptor (CopyNewRowsInterceptor) detects every change before it copies, after everything
                // that adds or changes entities has run: the save's own detection would walk every tracked entity again.
                using var _ = ChangeTracker.PauseAutoDetect();
                await SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
                await transaction.CommitAsync(ct);
            }, cancellationToken);

            using var _ = ChangeTracker.PauseAutoDetect(); // nothing has changed since COPY's detection: accepted as saved
            ChangeTracker.AcceptAllChanges();
        }
        catch
        {
            Uncopy(); // a failed save leaves the changes as they were
            throw;
        }
        finally
        {
            CopiedRows = null;
            BeforeUpdates = null;
        }
    }

    private Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? _requestTransaction;
    private List<Action>? _afterCommit;

    /// <summary>
    /// Whether the request runs in one transaction of its own (<see cref="BeginRequestTransactionAsync"/>): its saves
    /// commit with it, and the execution strategy does not retry inside it.
    /// </summary>
    internal bool InRequestTransaction => _requestTransaction is not null;

    /// <summary>
    /// Opens the transaction that the whole request runs in (its Idempotency-Key claimed first, its response stored
    /// last): one commit for all of it. Every save of the request joins it, each behind a savepoint (EF Core's own),
    /// so that a failed save leaves the transaction usable for the problem response.
    /// </summary>
    internal async Task BeginRequestTransactionAsync(CancellationToken cancellationToken)
    {
        if (_requestTransaction is not null)
        {
            throw new InvalidOperationException("The request's transaction is already open.");
        }

        _requestTransaction = await Database.BeginTransactionAsync(cancellationToken);
    }

    internal async Task CommitRequestTransactionAsync(CancellationToken cancellationToken)
    {
        var transaction = _requestTransaction ?? throw new InvalidOperationException("No request transaction is open.");
        await transaction.CommitAsync(cancellationToken);
        _requestTransaction = null;
        await transaction.DisposeAsync();
        var actions = _afterCommit;
        _afterCommit = null;
        actions?.ForEach(action => action());
    }

    /// <summary>Undoes everything the request did (nothing happens when no request transaction is open).</summary>
    internal async Task RollbackRequestTransactionAsync()
    {
        if (_requestTransaction is not { } transaction)
        {
            return;
        }

        _requestTransaction = null;
        _afterCommit = null;
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // The connection broke: PostgreSQL rolls back a transaction whose connection it lost.
        }
        finally
        {
            await transaction.DisposeAsync();
            ChangeTracker.Clear();
        }
    }

    public void AfterCommit(Action action)
    {
        if (_requestTransaction is null)
        {
            action();
        }
        else
        {
            (_afterCommit ??= []).Add(action);
        }
    }

    public void DiscardChanges() => ChangeTracker.Clear();

    public void KeepOnly(object kept)
    {
        DiscardChanges();
        TrackAsSaved(kept);
    }

    public void TrackAsSaved(object saved) => Attach(saved);

    public TEntity? FindTracked<TEntity>(Guid id)
        where TEntity : class
    {
        using var _ = ChangeTracker.PauseAutoDetect(); // Local would otherwise detect changes in every tracked entity
        return Set<TEntity>().Local.FindEntry(id)?.Entity;
    }

    public void ExpectVersion<TEntity>(TEntity entity, uint? expectedVersion)
        where TEntity : class
    {
        if (expectedVersion is not { } expected)
        {
            return;
        }

        var version = Entry(entity).Property<uint>("Version");
        if (version.CurrentValue != expected)
        {
            throw new PreconditionFailedException();
        }

        // Should someone else commit between this read and our save, the UPDATE's xmin check fails: 412 too.
        version.OriginalValue = expected;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // PostgreSQL's timestamptz holds instants and Npgsql writes only UTC offsets: every instant clients send
        // (2026-11-20T08:30:00+08:00 as well as ...Z), stored or compared in a query, goes in as the same instant in UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One IEntityTypeConfiguration<T> per entity under Data/Configurations. Those that encrypt personal data
        // need the protector and are applied by hand (the assembly scan takes parameterless ones only).
        var services = _options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ApplicationServiceProvider;
        T Protector<T>(T? given)
            where T : class =>
            given ?? services?.GetService(typeof(T)) as T
            ?? throw new InvalidOperationException("Building the model needs the protectors: construct the context with them, or on options made by the application's services.");
        var protector = Protector(_protector);
        var secrets = Protector(_secrets);
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasSequence<long>(ComplaintConfiguration.NumberSequence);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CustomerCareDbContext).Assembly);
        // The configurations that need a protector are not IEntityTypeConfiguration (the scan would find them, fail to
        // make them without it, and warn): they are applied here, with it.
        modelBuilder.Entity<Customer>(new CustomerConfiguration(protector).Configure);
        modelBuilder.Entity<ContactPoint>(new ContactPointConfiguration(protector).Configure);
        modelBuilder.Entity<WebhookSubscription>(new WebhookSubscriptionConfiguration(secrets).Configure);
        modelBuilder.Entity<SurveyInvitation>(new SurveyInvitationConfiguration(secrets).Configure);
        modelBuilder.Entity<Notification>(new NotificationConfiguration(protector).Configure);
        modelBuilder.Entity<DepartmentRobot>(new DepartmentRobotConfiguration(secrets).Configure);
        modelBuilder.Entity<ComplaintImport>(new ComplaintImportConfiguration(protector).Configure);
        modelBuilder.Entity<ComplaintImportRow>(ComplaintImportConfiguration.Configure);
        var typeMappings = this.GetService<IRelationalTypeMappingSource>();
        modelBuilder.HasDbFunction(typeof(ComplaintGramSearch).GetMethod(nameof(ComplaintGramSearch.Contains))!)
            .HasTranslation(new StoredSearchGrams(typeMappings).Contain);
        SequenceValues.UseForPrimitiveCollections(modelBuilder.Model);
    }
}

/// <summary>Any offset in, UTC out (the same instant); values read back are UTC already.</summary>
internal sealed class UtcInstantConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(), v => v);
