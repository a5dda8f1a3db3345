using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Customers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Customers.Queries.GetCustomer;

/// <summary>The full record, personal data included. A command, not a query: every read is written to the access log.</summary>
public sealed record GetCustomerQuery(Guid Id) : ICommand<CustomerDto>;

public sealed class GetCustomerQueryHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IMapper mapper)
    : ICommandHandler<GetCustomerQuery, CustomerDto>
{
    public async ValueTask<CustomerDto> Handle(GetCustomerQuery query, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().Include(c => c.ContactPoints)
            .SingleOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Customer", query.Id);
        db.Record(user, customer.Id, CustomerAccess.Read, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CustomerDto>(customer);
    }
}
