using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Customers.Commands.EndFollowUpPlan;

/// <summary>Ends the customer's follow-up plan (If-Match optional); its open planned contact is cancelled. Without a plan, nothing changes.</summary>
public sealed record EndFollowUpPlanCommand(Guid Id, uint? ExpectedVersion) : ICommand;

public sealed class EndFollowUpPlanCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<EndFollowUpPlanCommand>
{
    public async ValueTask<Unit> Handle(EndFollowUpPlanCommand command, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Customer", command.Id);
        db.ExpectVersion(customer, command.ExpectedVersion);
        var now = time.GetUtcNow();
        customer.EndFollowUpPlan(now);
        db.Record(user, customer.Id, CustomerAccess.Updated, now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
