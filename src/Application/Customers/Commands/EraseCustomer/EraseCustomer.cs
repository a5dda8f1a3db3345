using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Customers.Commands.EraseCustomer;

/// <summary>
/// Anonymises the customer's personal data for good (right to erasure): the profile, and what they wrote or said
/// in their complaints. The records and every fact statistics count stay; the erasure is written to the access log.
/// </summary>
public sealed record EraseCustomerCommand(Guid Id) : ICommand;

public sealed class EraseCustomerCommandHandler(IApplicationDbContext db, ICustomerRecords records, ICurrentUser user, TimeProvider time) : ICommandHandler<EraseCustomerCommand>
{
    public async ValueTask<Unit> Handle(EraseCustomerCommand command, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.Include(c => c.ContactPoints).SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Customer", command.Id);
        var now = time.GetUtcNow();
        customer.Erase(now);
        db.Record(user, customer.Id, CustomerAccess.Erased, now);
        await db.SaveChangesAsync(ct => records.RedactAsync(customer.Id, ct), cancellationToken);
        return Unit.Value;
    }
}
