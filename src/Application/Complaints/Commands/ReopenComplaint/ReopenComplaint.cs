using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.ReopenComplaint;

/// <summary>Why the problem is not solved after all.</summary>
public sealed record ReopenComplaintInput(
    string Reason);

public sealed record ReopenComplaintCommand(Guid Id, ReopenComplaintInput Input, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class ReopenComplaintCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<ReopenComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ReopenComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        complaint.Reopen(command.Input.Reason, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
