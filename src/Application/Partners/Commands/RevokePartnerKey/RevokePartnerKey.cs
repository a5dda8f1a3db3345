using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Partners.Commands.RevokePartnerKey;

/// <summary>Stops a key at once. Revoking a revoked key changes nothing.</summary>
public sealed record RevokePartnerKeyCommand(Guid PartnerId, Guid KeyId) : ICommand;

public sealed class RevokePartnerKeyCommandHandler(IApplicationDbContext db, TimeProvider time) : ICommandHandler<RevokePartnerKeyCommand>
{
    public async ValueTask<Unit> Handle(RevokePartnerKeyCommand command, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.Include(p => p.Keys)
            .SingleOrDefaultAsync(p => p.Id == command.PartnerId && p.Keys.Any(k => k.Id == command.KeyId), cancellationToken)
            ?? throw new NotFoundException("API key", command.KeyId);
        partner.RevokeKey(command.KeyId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
