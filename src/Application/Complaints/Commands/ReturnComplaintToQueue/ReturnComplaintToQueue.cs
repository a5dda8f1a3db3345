using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using Mediator;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Complaints.Commands.ReturnComplaintToQueue;

/// <summary>Why the handler gives the complaint back.</summary>
public sealed record ReturnComplaintToQueueInput(string Reason);

/// <summary>
/// The handler (or someone with the authority to assign) gives the complaint back to its department's queue, with a
/// reason, for the department's head to assign again.
/// </summary>
public sealed record ReturnComplaintToQueueCommand(Guid Id, ReturnComplaintToQueueInput Input, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class ReturnComplaintToQueueCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time, IOptions<ComplaintOptions> options)
    : ICommandHandler<ReturnComplaintToQueueCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ReturnComplaintToQueueCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        if (complaint.AssigneeId is { } handler && handler != user.Id && !await AssignmentAuthority.MayAssignAsync(db, user, complaint, options.Value, cancellationToken))
        {
            throw new ForbiddenException("Only the complaint's handler, or someone who assigns complaints, returns it to the queue.");
        }

        complaint.ReturnToQueue(command.Input.Reason, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
