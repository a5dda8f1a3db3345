using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Customers.Queries.GetCustomer;
using CustomerCare.Domain.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Customers.Queries.ExportCustomer;

/// <summary>Everything held about a customer, as one document (a data-subject access request). The export is logged.</summary>
public sealed record ExportCustomerQuery(Guid Id) : ICommand<CustomerExportDto>;

public sealed record CustomerExportDto(
    DateTimeOffset ExportedAt,
    CustomerDto Customer,
    IReadOnlyList<Guid> MergedRecords,
    IReadOnlyList<AccessRecordDto> AccessLog);

public sealed record AccessRecordDto(Guid Id, Guid CustomerId, CustomerAccess Action, string ActorKind, Guid? ActorId, Guid? RelatedCustomerId, DateTimeOffset At);

public sealed class ExportCustomerQueryValidator : AbstractValidator<ExportCustomerQuery>
{
    public ExportCustomerQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}

public sealed class ExportCustomerQueryHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time)
    : ICommandHandler<ExportCustomerQuery, CustomerExportDto>
{
    public async ValueTask<CustomerExportDto> Handle(ExportCustomerQuery query, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().Include(c => c.ContactPoints)
            .SingleOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Customer", query.Id);
        var merged = await db.Customers.AsNoTracking().Where(c => c.MergedIntoId == customer.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var log = await db.CustomerAccessRecords.AsNoTracking().Where(r => r.CustomerId == customer.Id).OrderBy(r => r.At)
            .Select(r => new AccessRecordDto(r.Id, r.CustomerId, r.Action, r.ActorKind, r.ActorId, r.RelatedCustomerId, r.At))
            .ToListAsync(cancellationToken);

        var now = time.GetUtcNow();
        db.Record(user, customer.Id, CustomerAccess.Exported, now);
        await db.SaveChangesAsync(cancellationToken);
        return new CustomerExportDto(now, CustomerDto.From(customer), merged, log);
    }
}
