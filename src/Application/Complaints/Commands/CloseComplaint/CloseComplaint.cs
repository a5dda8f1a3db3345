using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Complaints;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.CloseComplaint;

public sealed record CloseComplaintCommand(Guid Id, ClosingReason Reason, int? Satisfaction, string? Comment, Guid? DuplicateOfId, uint? ExpectedVersion)
    : ICommand<ComplaintDto>;

public sealed class CloseComplaintCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time, ComplaintAftercare aftercare)
    : ICommandHandler<CloseComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(CloseComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        if (command.DuplicateOfId is { } original && !await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
                await db.VisibleAsync(user, cancellationToken), c => c.Id == original, cancellationToken))
        {
            throw new Common.Exceptions.ValidationException("duplicateOfId", "No complaint you can see has this id.");
        }

        var now = time.GetUtcNow();
        complaint.Close(new Closing(command.Reason, command.Satisfaction, command.Comment, now), command.DuplicateOfId, user.Actor(), now);
        await aftercare.ScheduleAsync(complaint, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
