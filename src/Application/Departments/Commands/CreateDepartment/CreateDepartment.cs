using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Departments.Queries.GetDepartment;
using CustomerCare.Domain.Organisation;
using Mediator;

namespace CustomerCare.Application.Departments.Commands.CreateDepartment;

public sealed record CreateDepartmentCommand(DepartmentInput Input) : ICommand<DepartmentDto>;

public sealed class CreateDepartmentCommandHandler(IApplicationDbContext db, ISettingsStore store, ISlaScheduleProvider schedules, IMapper mapper, TimeProvider time)
    : ICommandHandler<CreateDepartmentCommand, DepartmentDto>
{
    public async ValueTask<DepartmentDto> Handle(CreateDepartmentCommand command, CancellationToken cancellationToken)
    {
        await DepartmentRules.EnsureCodeIsFreeAsync(db, command.Input.Code, null, cancellationToken);
        await DepartmentRules.EnsureValidParentAsync(db, command.Input.ParentId, null, cancellationToken);
        await DepartmentRules.EnsureValidSupervisorAsync(db, command.Input.SupervisorId, cancellationToken);
        var calendar = await DepartmentRules.EnsureCalendarAsync(store, schedules, command.Input.Calendar, cancellationToken);

        var now = time.GetUtcNow();
        var department = Department.Create(command.Input.Name, command.Input.Code, command.Input.ParentId, now);
        if (command.Input.SupervisorId is not null || calendar is not null)
        {
            department.Update(department.Name, department.Code, department.ParentId, command.Input.SupervisorId, calendar, now);
        }

        db.Departments.Add(department);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<DepartmentDto>(department);
    }
}
