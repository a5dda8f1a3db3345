namespace CustomerCare.Application.Common.Interfaces;

/// <summary>
/// Set-based changes to the records that name a customer, for merging and erasure. They run inside the unit of
/// work of <see cref="IApplicationDbContext.SaveChangesAsync(Func{CancellationToken, Task}, CancellationToken)"/>,
/// so they commit or fail together with the customer's own change.
/// </summary>
public interface ICustomerRecords
{
    /// <summary>
    /// Everything of <paramref name="fromCustomerId"/> now belongs to <paramref name="toCustomerId"/>: complaints, feedback,
    /// care tasks and survey invitations with their answers.
    /// </summary>
    Task MoveRecordsAsync(Guid fromCustomerId, Guid toCustomerId, CancellationToken cancellationToken);

    /// <summary>
    /// Redacts what the customer wrote or said (complaint title, description, remedy sought, comments, contact summaries
    /// and notes in the timeline, and the reasons a complaint was returned to the queue or its solution sent back; feedback subject, text and the answer to it; free-text survey answers; care task notes
    /// and outcomes) while keeping every fact that statistics count (states, dates, categories, scores, choices).
    /// </summary>
    Task RedactAsync(Guid customerId, CancellationToken cancellationToken);
}
