using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using Mediator;
using Microsoft.EntityFrameworkCore;
using CustomerCare.Application.Common.Exceptions;

namespace CustomerCare.Application.Complaints.Commands.AssignComplaint;

/// <summary>
/// Assigns a complaint to a department and/or a handler, or transfers it (first-contact responsibility: the first
/// responder stays accountable and keeps seeing it). A handler named alone brings their department along.
/// </summary>
public sealed record AssignComplaintCommand(Guid Id, Guid? DepartmentId, Guid? AssigneeId, string Reason, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class AssignComplaintCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<AssignComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(AssignComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        var departmentId = command.DepartmentId;
        if (command.AssigneeId is { } assigneeId)
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

        complaint.Assign(departmentId, command.AssigneeId, command.Reason, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
