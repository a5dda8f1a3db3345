using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Partners.Commands.IssuePartnerKey;

/// <summary>Issues a new API key. The response holds the key itself: the only time it is ever shown.</summary>
/// <summary>A name for the key and, if it should, when it expires.</summary>
public sealed record IssuePartnerKeyInput(
    string? Name,
    DateTimeOffset? ExpiresAt);

public sealed record IssuePartnerKeyCommand(Guid PartnerId, IssuePartnerKeyInput Input) : ICommand<IssuedApiKeyDto>;

public sealed class IssuePartnerKeyCommandHandler(IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<IssuePartnerKeyCommand, IssuedApiKeyDto>
{
    public async ValueTask<IssuedApiKeyDto> Handle(IssuePartnerKeyCommand command, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.Include(p => p.Keys).SingleOrDefaultAsync(p => p.Id == command.PartnerId, cancellationToken)
            ?? throw new NotFoundException("Partner", command.PartnerId);
        var generated = ApiKeys.Generate();
        var name = string.IsNullOrWhiteSpace(command.Input.Name) ? "default" : command.Input.Name;
        var key = partner.IssueKey(name, generated.Prefix, generated.Hash, command.Input.ExpiresAt, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Issued(key, generated.Key);
    }

    internal static IssuedApiKeyDto Issued(PartnerApiKey key, string secret) =>
        new(key.Id, key.PartnerId, key.Name, key.Prefix, secret, key.CreatedAt, key.ExpiresAt);
}
