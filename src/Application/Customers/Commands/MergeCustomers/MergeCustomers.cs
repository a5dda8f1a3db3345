using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Customers.Queries.GetCustomer;
using CustomerCare.Domain.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Customers.Commands.MergeCustomers;

/// <summary>
/// Two records of the same person become one: the survivor takes the duplicate's contact points, complaints, feedback,
/// survey answers, care tasks and reward points,
/// the duplicate points to the survivor, and the merge is written to the access log of both.
/// </summary>
/// <summary>The duplicate record to merge into this one.</summary>
public sealed record MergeCustomersInput(
    Guid? DuplicateId);

public sealed record MergeCustomersCommand(Guid SurvivorId, MergeCustomersInput Input) : ICommand<CustomerDto>;

public sealed class MergeCustomersCommandHandler(IApplicationDbContext db, ICustomerRecords records, ICurrentUser user, TimeProvider time, IMapper mapper)
    : ICommandHandler<MergeCustomersCommand, CustomerDto>
{
    public async ValueTask<CustomerDto> Handle(MergeCustomersCommand command, CancellationToken cancellationToken)
    {
        var both = await db.Customers.Include(c => c.ContactPoints)
            .Where(c => c.Id == command.SurvivorId || c.Id == command.Input.DuplicateId!.Value)
            .ToListAsync(cancellationToken);
        var survivor = both.SingleOrDefault(c => c.Id == command.SurvivorId) ?? throw new NotFoundException("Customer", command.SurvivorId);
        var duplicate = both.SingleOrDefault(c => c.Id == command.Input.DuplicateId!.Value) ?? throw new NotFoundException("Customer", command.Input.DuplicateId!.Value);

        var now = time.GetUtcNow();
        survivor.Absorb(duplicate, now);
        db.Record(user, survivor.Id, CustomerAccess.Merged, now, related: duplicate.Id);
        db.Record(user, duplicate.Id, CustomerAccess.Merged, now, related: survivor.Id);
        await db.SaveChangesAsync(ct => records.MoveRecordsAsync(duplicate.Id, survivor.Id, ct), cancellationToken);
        return mapper.Map<CustomerDto>(survivor);
    }
}
