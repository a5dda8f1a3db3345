using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Partners.Queries.GetPartner;
using CustomerCare.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Partners.Commands.SetPartnerActive;

/// <summary>Deactivates (or reactivates) a partner: while inactive, none of its keys is accepted.</summary>
public sealed record SetPartnerActiveCommand(Guid Id, bool Active) : ICommand<PartnerDto>;

public sealed class SetPartnerActiveCommandHandler(IApplicationDbContext db, TimeProvider time, IMapper mapper) : ICommandHandler<SetPartnerActiveCommand, PartnerDto>
{
    public async ValueTask<PartnerDto> Handle(SetPartnerActiveCommand command, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.Include(p => p.Keys).SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Partner", command.Id);
        var now = time.GetUtcNow();
        if (command.Active)
        {
            partner.Activate(now);
        }
        else
        {
            partner.Deactivate(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        // Read back as every partner is read: the usable-key count is counted in SQL.
        return await db.Partners.SingleDtoAsync<Partner, PartnerDto>(partner.Id, mapper, "Partner", cancellationToken, new { now });
    }
}
