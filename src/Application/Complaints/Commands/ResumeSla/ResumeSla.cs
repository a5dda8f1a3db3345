using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.ResumeSla;

/// <summary>Restarts the paused clocks; their due times move on by the working time spent waiting.</summary>
public sealed record ResumeSlaCommand(Guid Id, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class ResumeSlaCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, ISlaScheduleProvider schedules, TimeProvider time)
    : ICommandHandler<ResumeSlaCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ResumeSlaCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        complaint.ResumeSla(await schedules.GetForDepartmentAsync(complaint.ResponsibleDepartmentId, cancellationToken), user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
