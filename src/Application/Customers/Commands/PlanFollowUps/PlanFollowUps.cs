using AutoMapper;
using CustomerCare.Application.CareTasks;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Customers.Queries.GetCustomer;
using CustomerCare.Domain.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Customers.Commands.PlanFollowUps;

/// <summary>
/// A key customer's follow-up plan: a contact every <c>everyMonths</c> months (1 to 24), the first on <c>firstOn</c>,
/// made by <c>ownerId</c> (optional: whoever picks the task up).
/// </summary>
public sealed record FollowUpPlanInput(int? EveryMonths, DateOnly? FirstOn, Guid? OwnerId);

/// <summary>
/// Sets (or replaces) the follow-up plan of a key customer (If-Match optional): the first contact becomes a care task due
/// on <c>firstOn</c>; each one done or cancelled schedules the next. A customer whose grade is not a key grade: 409.
/// </summary>
public sealed record PlanFollowUpsCommand(Guid Id, FollowUpPlanInput Input, uint? ExpectedVersion) : ICommand<CustomerDto>;

public sealed class PlanFollowUpsCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IMapper mapper)
    : ICommandHandler<PlanFollowUpsCommand, CustomerDto>
{
    public async ValueTask<CustomerDto> Handle(PlanFollowUpsCommand command, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.Include(c => c.ContactPoints).SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Customer", command.Id);
        db.ExpectVersion(customer, command.ExpectedVersion);
        await db.EnsureOwnerAsync(command.Input.OwnerId, cancellationToken);
        var now = time.GetUtcNow();
        var key = await CustomerGradeRules.IsKeyCustomerAsync(db, customer.Id, cancellationToken);
        customer.PlanFollowUps(key, command.Input.EveryMonths!.Value, command.Input.FirstOn!.Value, command.Input.OwnerId, now);
        db.Record(user, customer.Id, CustomerAccess.Updated, now);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CustomerDto>(customer);
    }
}
