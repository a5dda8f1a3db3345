using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Partners.Queries.GetPartner;
using CustomerCare.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Partners.Commands.UpdatePartner;

public sealed record UpdatePartnerCommand(Guid Id, PartnerInput Input, uint? ExpectedVersion) : ICommand<PartnerDto>;

public sealed class UpdatePartnerCommandHandler(IApplicationDbContext db, TimeProvider time, IMapper mapper) : ICommandHandler<UpdatePartnerCommand, PartnerDto>
{
    public async ValueTask<PartnerDto> Handle(UpdatePartnerCommand command, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.Include(p => p.Keys).SingleOrDefaultAsync(p => p.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Partner", command.Id);
        db.ExpectVersion(partner, command.ExpectedVersion);
        var now = time.GetUtcNow();
        partner.Rename(command.Input.Name, now);
        await db.SaveChangesAsync(cancellationToken);
        // Read back as every partner is read: the usable-key count is counted in SQL.
        return await db.Partners.SingleDtoAsync<Partner, PartnerDto>(partner.Id, mapper, "Partner", cancellationToken, new { now });
    }
}
