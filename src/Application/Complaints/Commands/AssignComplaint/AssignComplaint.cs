using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints.Commands.AssignComplaint;

/// <summary>
/// Assign or transfer: a department and/or a staff member, with a reason (first-contact responsibility: the first
/// responder stays accountable and keeps seeing it). A handler named alone brings their department along. Only those
/// with the authority to assign (<see cref="AssignmentAuthority"/>) may; others get 403.
/// </summary>
public sealed record AssignComplaintInput(
    Guid? DepartmentId,
    Guid? AssigneeId,
    string Reason);

public sealed record AssignComplaintCommand(Guid Id, AssignComplaintInput Input, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class AssignComplaintCommandHandler(
    IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time, Microsoft.Extensions.Options.IOptions<ComplaintOptions> options)
    : ICommandHandler<AssignComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(AssignComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        await AssignmentAuthority.EnsureMayAssignAsync(db, user, complaint, options.Value, cancellationToken);
        var departmentId = command.Input.DepartmentId;
        if (command.Input.AssigneeId is { } assigneeId)
        {
            var assignee = await db.Staff.AsNoTracking().Where(s => s.Id == assigneeId && s.IsActive)
                .Select(s => new { s.DepartmentId }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new ValidationException("assigneeId", "No active staff member has this id.");
            departmentId ??= assignee.DepartmentId;
        }

        if (departmentId is { } id && !await db.Departments.AnyAsync(d => d.Id == id && d.IsActive, cancellationToken))
        {
            throw new ValidationException("departmentId", "No active department has this id.");
        }

        complaint.Assign(departmentId, command.Input.AssigneeId, command.Input.Reason, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
