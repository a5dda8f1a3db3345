using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Partners.Commands.IssuePartnerKey;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Partners.Commands.RotatePartnerKey;

/// <summary>
/// Replaces a key with a new one (shown once). The old key keeps working for the grace period, so the partner
/// can deploy the new key without downtime; a zero grace period stops it at once.
/// </summary>
/// <summary>How long the old key keeps working.</summary>
public sealed record RotatePartnerKeyInput(
    int? GracePeriodHours);

public sealed record RotatePartnerKeyCommand(Guid PartnerId, Guid KeyId, RotatePartnerKeyInput Input) : ICommand<IssuedApiKeyDto>
{
    public const int DefaultGracePeriodHours = 24;
    public const int MaxGracePeriodHours = 720;
}

public sealed class RotatePartnerKeyCommandHandler(IApplicationDbContext db, TimeProvider time)
    : ICommandHandler<RotatePartnerKeyCommand, IssuedApiKeyDto>
{
    public async ValueTask<IssuedApiKeyDto> Handle(RotatePartnerKeyCommand command, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.Include(p => p.Keys)
            .SingleOrDefaultAsync(p => p.Id == command.PartnerId && p.Keys.Any(k => k.Id == command.KeyId), cancellationToken)
            ?? throw new NotFoundException("API key", command.KeyId);
        var generated = ApiKeys.Generate();
        var key = partner.RotateKey(command.KeyId, generated.Prefix, generated.Hash,
            TimeSpan.FromHours(command.Input.GracePeriodHours ?? RotatePartnerKeyCommand.DefaultGracePeriodHours), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return IssuePartnerKeyCommandHandler.Issued(key, generated.Key);
    }
}
