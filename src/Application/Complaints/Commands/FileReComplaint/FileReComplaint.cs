using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.FileReComplaint;

/// <summary>
/// The customer is unhappy after closing: a new complaint linked to the closed one, handled one escalation level
/// higher — routed to a supervisor of the department one level up, or a manager (<see cref="EscalationAuthority"/>);
/// the closed one records it in its history and stays closed. The input says what the customer is still unhappy about.
/// </summary>
public sealed record FileReComplaintInput(
    string Description,
    string? RemedySought,
    Channel? Channel);

public sealed record FileReComplaintCommand(Guid Id, FileReComplaintInput Input, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class FileReComplaintCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<FileReComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(FileReComplaintCommand command, CancellationToken cancellationToken)
    {
        var original = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        var now = time.GetUtcNow();
        var number = ComplaintNumbers.Format(now, await db.NextComplaintSequenceAsync(cancellationToken));
        var newId = Guid.CreateVersion7();
        var data = original.ReComplaint(command.Input.Description, command.Input.RemedySought, command.Input.Channel!.Value, newId, number, user.Actor(), now);
        var reComplaint = Complaint.Receive(number, data, user.Actor(), now, newId);
        var (department, handler) = await EscalationAuthority.RouteUpAsync(db, original.ResponsibleDepartmentId, cancellationToken);
        if (department is not null || handler is not null)
        {
            reComplaint.Assign(department, handler, $"Re-complaint of {original.Number}: escalated to level {reComplaint.EscalationLevel}.", Actor.System, now);
        }

        db.Complaints.Add(reComplaint);
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, reComplaint, user, time.GetUtcNow());
    }
}
