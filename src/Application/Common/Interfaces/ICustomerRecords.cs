namespace CustomerCare.Application.Common.Interfaces;

/// <summary>
/// Set-based changes to the records that name a customer, for merging and erasure. They run inside the unit of
/// work of <see cref="IApplicationDbContext.SaveChangesAsync(Func{CancellationToken, Task}, CancellationToken)"/>,
/// so they commit or fail together with the customer's own change.
/// </summary>
public interface ICustomerRecords
{
    /// <summary>Every complaint of <paramref name="fromCustomerId"/> now belongs to <paramref name="toCustomerId"/>.</summary>
    Task MoveComplaintsAsync(Guid fromCustomerId, Guid toCustomerId, CancellationToken cancellationToken);

    /// <summary>
    /// Redacts what the customer wrote or said in their complaints (title, description, remedy sought, comments, contact
    /// summaries and notes in the timeline) while keeping every fact that statistics count.
    /// </summary>
    Task RedactComplaintsAsync(Guid customerId, CancellationToken cancellationToken);
}
