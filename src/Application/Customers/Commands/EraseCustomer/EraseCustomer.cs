using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Customers.Commands.EraseCustomer;

/// <summary>
/// Anonymises the customer's personal data for good (right to erasure): the profile, and what they wrote or said
/// in their complaints, the files of evidence on their complaints, and the addresses and texts of every notification to them or about their complaints (those not
/// sent yet never will be). The records and every fact statistics count stay; the erasure is written to the access log.
/// </summary>
public sealed record EraseCustomerCommand(Guid Id) : ICommand;

public sealed class EraseCustomerCommandHandler(IApplicationDbContext db, ICustomerRecords records, IAttachmentStore store, ICurrentUser user, TimeProvider time) : ICommandHandler<EraseCustomerCommand>
{
    public async ValueTask<Unit> Handle(EraseCustomerCommand command, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.Include(c => c.ContactPoints).SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Customer", command.Id);
        var now = time.GetUtcNow();
        customer.Erase(now);
        var complaintIds = db.Complaints.Where(c => c.CustomerId == customer.Id).Select(c => c.Id);
        await foreach (var notification in db.Notifications
            .Where(n => (n.Audience == NotificationAudience.Customer && n.RecipientId == customer.Id) || complaintIds.Contains(n.ComplaintId!.Value))
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            notification.Erase();
        }

        db.StatusLookups.RemoveRange(await db.StatusLookups.Where(l => complaintIds.Contains(l.ComplaintId!.Value)).ToListAsync(cancellationToken));
        var files = await db.Attachments.Where(a => complaintIds.Contains(a.ComplaintId)).ToListAsync(cancellationToken);
        db.Attachments.RemoveRange(files);

        db.Record(user, customer.Id, CustomerAccess.Erased, now);
        await db.SaveChangesAsync(ct => records.RedactAsync(customer.Id, ct), cancellationToken);
        foreach (var file in files)
        {
            await store.DeleteAsync(file.StorageKey, CancellationToken.None); // once the erasure is committed
        }
        return Unit.Value;
    }
}
