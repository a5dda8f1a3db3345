using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Customers.Queries.GetCustomer;
using CustomerCare.Domain.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Customers.Commands.UpdateCustomer;

/// <summary>Replaces the customer's profile and contact points.</summary>
public sealed record UpdateCustomerCommand(Guid Id, CustomerInput Customer, uint? ExpectedVersion) : ICommand<CustomerDto>;

public sealed class UpdateCustomerCommandHandler(
    IApplicationDbContext db, ICurrentUser user, IContactNormaliser normaliser, IPersonalDataIndex index, TimeProvider time, IMapper mapper)
    : ICommandHandler<UpdateCustomerCommand, CustomerDto>
{
    public async ValueTask<CustomerDto> Handle(UpdateCustomerCommand command, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.Include(c => c.ContactPoints).SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Customer", command.Id);
        db.ExpectVersion(customer, command.ExpectedVersion);
        var key = await CustomerGradeRules.EnsureGivableAsync(db, command.Customer.Grade, customer.Grade, cancellationToken);
        var now = time.GetUtcNow();
        var (profile, contacts) = command.Customer.ToDomain(normaliser, index);
        customer.Update(profile, contacts, now);
        if (!key)
        {
            customer.EndFollowUpPlan(now); // a follow-up plan is a key customer's
        }
        db.Record(user, customer.Id, CustomerAccess.Updated, now);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CustomerDto>(customer);
    }
}
