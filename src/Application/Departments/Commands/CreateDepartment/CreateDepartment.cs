using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Departments.Queries.GetDepartment;
using CustomerCare.Domain.Organisation;
using Mediator;

namespace CustomerCare.Application.Departments.Commands.CreateDepartment;

public sealed record CreateDepartmentCommand(string Name, string Code, Guid? ParentId, Guid? SupervisorId) : ICommand<DepartmentDto>;

public sealed class CreateDepartmentCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider time)
    : ICommandHandler<CreateDepartmentCommand, DepartmentDto>
{
    public async ValueTask<DepartmentDto> Handle(CreateDepartmentCommand command, CancellationToken cancellationToken)
    {
        await DepartmentRules.EnsureCodeIsFreeAsync(db, command.Code, null, cancellationToken);
        await DepartmentRules.EnsureValidParentAsync(db, command.ParentId, null, cancellationToken);
        await DepartmentRules.EnsureValidSupervisorAsync(db, command.SupervisorId, cancellationToken);

        var now = time.GetUtcNow();
        var department = Department.Create(command.Name, command.Code, command.ParentId, now);
        if (command.SupervisorId is not null)
        {
            department.Update(department.Name, department.Code, department.ParentId, command.SupervisorId, now);
        }

        db.Departments.Add(department);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<DepartmentDto>(department);
    }
}
