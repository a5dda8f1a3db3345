using AutoMapper;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Partners.Queries.GetPartner;
using CustomerCare.Domain.Partners;
using Mediator;

namespace CustomerCare.Application.Partners.Commands.CreatePartner;

public sealed record CreatePartnerCommand(PartnerInput Input) : ICommand<PartnerDto>;

public sealed class CreatePartnerCommandHandler(IApplicationDbContext db, TimeProvider time, IMapper mapper) : ICommandHandler<CreatePartnerCommand, PartnerDto>
{
    public async ValueTask<PartnerDto> Handle(CreatePartnerCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var partner = Partner.Create(command.Input.Name, now);
        db.Partners.Add(partner);
        await db.SaveChangesAsync(cancellationToken);
        // Read back as every partner is read: the usable-key count is counted in SQL.
        return await db.Partners.SingleDtoAsync<Partner, PartnerDto>(partner.Id, mapper, "Partner", cancellationToken, new { now });
    }
}
