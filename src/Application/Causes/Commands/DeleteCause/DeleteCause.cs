using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Complaints;
using CustomerCare.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Causes.Commands.DeleteCause;

/// <summary>Deletes a cause no investigation found (If-Match optional). One in use is retired instead (409 saying how many complaints have it).</summary>
public sealed record DeleteCauseCommand(string Code, uint? ExpectedVersion) : ICommand;

public sealed class DeleteCauseCommandHandler(IApplicationDbContext db) : ICommandHandler<DeleteCauseCommand>
{
    public async ValueTask<Unit> Handle(DeleteCauseCommand command, CancellationToken cancellationToken)
    {
        await db.DeleteTermAsync(db.ComplaintCauses, command.Code, command.ExpectedVersion, "Cause", async (cause, ct) =>
        {
            var complaints = await db.Complaints.CountAsync(c => EF.Property<string?>(c, ClassificationRules.CauseColumn) == cause.Code, ct);
            if (complaints > 0)
            {
                throw new DomainException("cause.inUse", $"{complaints} complaint(s) have this cause; retire it instead (active: false).",
                    new Dictionary<string, object?> { ["complaints"] = complaints });
            }
        }, cancellationToken);
        return Unit.Value;
    }
}
