using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Partners.Queries.GetPartner;
using CustomerCare.Domain.Partners;
using Mediator;

namespace CustomerCare.Application.Partners.Commands.CreatePartner;

public sealed record CreatePartnerCommand(string Name) : ICommand<PartnerDto>;

public sealed class CreatePartnerCommandHandler(IApplicationDbContext db, TimeProvider time) : ICommandHandler<CreatePartnerCommand, PartnerDto>
{
    public async ValueTask<PartnerDto> Handle(CreatePartnerCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var partner = Partner.Create(command.Name, now);
        db.Partners.Add(partner);
        await db.SaveChangesAsync(cancellationToken);
        return PartnerProjections.ToDto(partner, now);
    }
}
