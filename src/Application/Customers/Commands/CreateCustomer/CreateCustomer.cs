using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Customers.Queries.GetCustomer;
using CustomerCare.Domain.Customers;
using Mediator;

namespace CustomerCare.Application.Customers.Commands.CreateCustomer;

public sealed record CreateCustomerCommand(CustomerInput Customer) : ICommand<CustomerDto>;

public sealed class CreateCustomerCommandHandler(
    IApplicationDbContext db, ICurrentUser user, IContactNormaliser normaliser, IPersonalDataIndex index, TimeProvider time, IMapper mapper)
    : ICommandHandler<CreateCustomerCommand, CustomerDto>
{
    public async ValueTask<CustomerDto> Handle(CreateCustomerCommand command, CancellationToken cancellationToken)
    {
        await CustomerGradeRules.EnsureGivableAsync(db, command.Customer.Grade, null, cancellationToken);
        var now = time.GetUtcNow();
        var (profile, contacts) = command.Customer.ToDomain(normaliser, index);
        var customer = Customer.Create(profile, contacts, now, user.Kind == CallerKind.Partner ? user.Id : null);
        db.Customers.Add(customer);
        db.Record(user, customer.Id, CustomerAccess.Created, now);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CustomerDto>(customer);
    }
}
