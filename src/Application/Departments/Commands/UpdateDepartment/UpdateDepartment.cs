using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Departments.Queries.GetDepartment;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Departments.Commands.UpdateDepartment;

/// <summary>Replaces a department's name, code, parent, supervisor and calendar.</summary>
public sealed record UpdateDepartmentCommand(Guid Id, DepartmentInput Input, uint? ExpectedVersion)
    : ICommand<DepartmentDto>;

public sealed class UpdateDepartmentCommandHandler(IApplicationDbContext db, ISettingsStore store, ISlaScheduleProvider schedules, IMapper mapper, TimeProvider time)
    : ICommandHandler<UpdateDepartmentCommand, DepartmentDto>
{
    public async ValueTask<DepartmentDto> Handle(UpdateDepartmentCommand command, CancellationToken cancellationToken)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Department", command.Id);
        db.ExpectVersion(department, command.ExpectedVersion);

        await DepartmentRules.EnsureCodeIsFreeAsync(db, command.Input.Code, department.Id, cancellationToken);
        await DepartmentRules.EnsureValidParentAsync(db, command.Input.ParentId, department.Id, cancellationToken);
        await DepartmentRules.EnsureValidSupervisorAsync(db, command.Input.SupervisorId, cancellationToken);

        var calendar = await DepartmentRules.EnsureCalendarAsync(store, schedules, command.Input.Calendar, cancellationToken);

        department.Update(command.Input.Name, command.Input.Code, command.Input.ParentId, command.Input.SupervisorId, calendar, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        // The department's calendar may have changed: its complaints' clocks follow from the next scan, which reloads the
        // calendars once the change is committed (before, a reload would cache the old ones).
        db.AfterCommit(schedules.Invalidate);
        return mapper.Map<DepartmentDto>(department);
    }
}
