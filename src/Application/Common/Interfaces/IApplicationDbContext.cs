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
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Common.Interfaces;

/// <summary>
/// The unit of work handlers use: load an aggregate, call its verb, then one <see cref="SaveChangesAsync"/>
/// per command commits everything it changed. Reads project straight to DTOs with AsNoTracking.
/// </summary>
public interface IApplicationDbContext
{
    DbSet<Department> Departments { get; }

    DbSet<ComplaintCategory> ComplaintCategories { get; }

    DbSet<ComplaintCause> ComplaintCauses { get; }

    DbSet<CustomerGrade> CustomerGrades { get; }

    DbSet<Attachment> Attachments { get; }

    DbSet<Incident> Incidents { get; }

    DbSet<ImprovementAction> ImprovementActions { get; }

    DbSet<StaffMember> Staff { get; }

    DbSet<Partner> Partners { get; }

    DbSet<Customer> Customers { get; }

    DbSet<CustomerAccessRecord> CustomerAccessRecords { get; }

    DbSet<Complaint> Complaints { get; }

    DbSet<TimelineEntry> ComplaintTimeline { get; }

    DbSet<SurveyTemplate> SurveyTemplates { get; }

    DbSet<SurveyTemplateVersion> SurveyTemplateVersions { get; }

    DbSet<SurveyCampaign> SurveyCampaigns { get; }

    DbSet<SurveyInvitation> SurveyInvitations { get; }

    DbSet<SurveyAnswer> SurveyAnswers { get; }

    DbSet<CustomerFeedback> Feedback { get; }

    DbSet<CareTask> CareTasks { get; }

    DbSet<WebhookSubscription> WebhookSubscriptions { get; }

    DbSet<WebhookDelivery> WebhookDeliveries { get; }

    DbSet<WebhookDeliveryAttempt> WebhookDeliveryAttempts { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<StatusLookup> StatusLookups { get; }

    DbSet<DepartmentRobot> DepartmentRobots { get; }

    DbSet<ComplaintImport> ComplaintImports { get; }

    DbSet<ComplaintImportRow> ComplaintImportRows { get; }

    /// <summary>
    /// Runs <paramref name="read"/> (a query's work) as one unit the execution strategy retries as a whole: a connection
    /// that breaks in any of its statements, even while rows are being read, runs it again from the start, with nothing
    /// it tracked kept from the failed attempt. Its statements then stream their rows instead of each buffering them
    /// first to be retryable on its own (EF Core does that for every statement outside such a unit).
    /// </summary>
    Task<T> ReadAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a query compiled once (<c>EF.CompileAsyncQuery</c> over <see cref="DbContext"/>) on this unit of work: for the
    /// hottest reads, which then skip what EF Core does to a LINQ query on every execution (evaluating the values it
    /// captured, and finding its translation by hashing and comparing the whole tree).
    /// </summary>
    IAsyncEnumerable<TResult> Compiled<TResult>(Func<DbContext, IAsyncEnumerable<TResult>> query);

    /// <summary>Runs a compiled query that answers one value (a count) on this unit of work.</summary>
    Task<TResult> Compiled<TResult>(Func<DbContext, Task<TResult>> query);

    /// <summary>The oldest transaction still running (PostgreSQL's snapshot xmin): every one before it has ended.</summary>
    Task<long> ChangeFeedHorizonAsync(CancellationToken cancellationToken);

    /// <summary>The next value of the database sequence that numbers complaints.</summary>
    Task<long> NextComplaintSequenceAsync(CancellationToken cancellationToken);

    /// <summary>The next <paramref name="count"/> values of that sequence, in one round trip (a batch's numbers).</summary>
    Task<IReadOnlyList<long>> NextComplaintSequencesAsync(int count, CancellationToken cancellationToken);

    /// <summary>
    /// The partner's complaints with any of these external references: one index lookup per reference, however many
    /// complaints the partner has (an import checks a batch's references at once).
    /// </summary>
    Task<IReadOnlyList<ReferencedComplaint>> ComplaintsByReferenceAsync(Guid partnerId, IReadOnlyCollection<string> references, CancellationToken cancellationToken);

    /// <summary>Optimistic concurrency: the row version the caller last read (If-Match) becomes the one the update requires.</summary>
    void ExpectVersion<TEntity>(TEntity entity, uint? expectedVersion)
        where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves as <see cref="SaveChangesAsync(CancellationToken)"/> does, in one transaction retried as a whole, but writes the
    /// new rows with COPY, a table at a time, instead of an INSERT each: for a save that adds hundreds of aggregates (an
    /// import's batch). A row that breaks a constraint fails the whole save with the same DbUpdateException.
    /// </summary>
    Task SaveChangesInBulkAsync(CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="SaveChangesInBulkAsync(CancellationToken)"/> with a step between the new rows' COPY and the updates of
    /// rows already stored: <paramref name="beforeUpdates"/> runs inside the save's transaction once the new rows are
    /// written, and may wait (for another unit of work to commit), track entities and change them; what it adds is copied
    /// too, and what it changes is updated. A failure there fails the save, which then keeps nothing. The save's
    /// transaction may be retried as a whole, and <paramref name="beforeUpdates"/> with it: it must do its work once.
    /// </summary>
    Task SaveChangesInBulkAsync(Func<CancellationToken, Task> beforeUpdates, CancellationToken cancellationToken);

    /// <summary>
    /// The entity with this id if this unit of work tracks it, else null; never a query, and no scan of everything tracked
    /// (<c>DbSet.Local</c> detects changes in every tracked entity first, which a batch of hundreds pays per call).
    /// </summary>
    TEntity? FindTracked<TEntity>(Guid id)
        where TEntity : class;

    /// <summary>Forgets every change not yet saved (after a failed save, before trying again differently).</summary>
    void DiscardChanges();

    /// <summary>
    /// Forgets every tracked entity but <paramref name="kept"/>, which stays tracked as it is now, taken for saved (right
    /// after a save, what the database holds): a long unit of work sheds what it no longer needs without reading again
    /// what it keeps. Whatever <paramref name="kept"/> refers to is tracked with it, as saved too.
    /// </summary>
    void KeepOnly(object kept);

    /// <summary>
    /// Tracks <paramref name="saved"/> beside what is tracked, as it is now, taken for saved: an entity another unit of
    /// work has just saved (and forgotten) goes on in this one without being read again.
    /// </summary>
    void TrackAsSaved(object saved);

    /// <summary>
    /// Saves the tracked changes together with set-based statements (<paramref name="alongside"/>) in one transaction,
    /// retried as a whole on transient failures; inside a request's own transaction (an Idempotency-Key), as part of it.
    /// </summary>
    Task SaveChangesAsync(Func<CancellationToken, Task> alongside, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="action"/> once what this unit of work saved is committed: at once when nothing is pending, else
    /// after the commit of the request's transaction (never if it rolls back). For what other connections must see the
    /// change for: waking a worker, dropping a cache that another scope reloads.
    /// </summary>
    void AfterCommit(Action action);
}

/// <summary>A partner's complaint found by its external reference.</summary>
public sealed class ReferencedComplaint
{
    public string ExternalReference { get; init; } = "";

    public Guid Id { get; init; }

    public string Number { get; init; } = "";
}
