using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints.Commands.CloseComplaint;

/// <summary>How the complaint ends.</summary>
public sealed record CloseComplaintInput(
    ClosingReason? Reason,
    int? Satisfaction,
    string? Comment,
    Guid? DuplicateOfId);

public sealed record CloseComplaintCommand(Guid Id, CloseComplaintInput Input, uint? ExpectedVersion)
    : ICommand<ComplaintDto>;

public sealed class CloseComplaintCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<CloseComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(CloseComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        if (command.Input.DuplicateOfId is { } original && !await (await db.VisibleAsync(user, cancellationToken)).AnyAsync(c => c.Id == original, cancellationToken))
        {
            throw new ValidationException("duplicateOfId", "No complaint you can see has this id.");
        }

        var now = time.GetUtcNow();
        complaint.Close(new Closing(command.Input.Reason!.Value, command.Input.Satisfaction, command.Input.Comment, now), command.Input.DuplicateOfId, user.Actor(), now);
        // Aftercare (the follow-up call, the post-closure surveys) follows from ComplaintClosed, in this same save.
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
