using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Sla;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.PauseSla;

/// <summary>Stops the running clocks while waiting for the customer or a third party.</summary>
/// <summary>Why the clocks wait.</summary>
public sealed record PauseSlaInput(
    SlaPauseReason? Reason,
    string? Comment);

public sealed record PauseSlaCommand(Guid Id, PauseSlaInput Input, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class PauseSlaCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<PauseSlaCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(PauseSlaCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        complaint.PauseSla(command.Input.Reason!.Value, command.Input.Comment, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
