using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Departments.Queries.GetDepartment;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Departments.Commands.UpdateDepartment;

/// <summary>Replaces a department's name, code, parent and supervisor.</summary>
public sealed record UpdateDepartmentCommand(Guid Id, string Name, string Code, Guid? ParentId, Guid? SupervisorId, uint? ExpectedVersion)
    : ICommand<DepartmentDto>;

public sealed class UpdateDepartmentCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider time)
    : ICommandHandler<UpdateDepartmentCommand, DepartmentDto>
{
    public async ValueTask<DepartmentDto> Handle(UpdateDepartmentCommand command, CancellationToken cancellationToken)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Department", command.Id);
        db.ExpectVersion(department, command.ExpectedVersion);

        await DepartmentRules.EnsureCodeIsFreeAsync(db, command.Code, department.Id, cancellationToken);
        await DepartmentRules.EnsureValidParentAsync(db, command.ParentId, department.Id, cancellationToken);
        await DepartmentRules.EnsureValidSupervisorAsync(db, command.SupervisorId, cancellationToken);

        department.Update(command.Name, command.Code, command.ParentId, command.SupervisorId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<DepartmentDto>(department);
    }
}
