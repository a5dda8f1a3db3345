using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Departments.Queries.GetDepartment;
using CustomerCare.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Departments.Commands.SetDepartmentActive;

/// <summary>Deactivates (or reactivates) a department. Departments are never deleted: complaints and timelines name them.</summary>
public sealed record SetDepartmentActiveCommand(Guid Id, bool Active) : ICommand<DepartmentDto>;

public sealed class SetDepartmentActiveCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider time)
    : ICommandHandler<SetDepartmentActiveCommand, DepartmentDto>
{
    public async ValueTask<DepartmentDto> Handle(SetDepartmentActiveCommand command, CancellationToken cancellationToken)
    {
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Department", command.Id);
        var now = time.GetUtcNow();
        if (command.Active)
        {
            department.Activate(now);
        }
        else
        {
            if (await db.Staff.AnyAsync(s => s.DepartmentId == department.Id && s.IsActive, cancellationToken))
            {
                throw new DomainException("department.hasActiveStaff", "Move or deactivate the department's active staff first.");
            }

            if (await db.Departments.AnyAsync(d => d.ParentId == department.Id && d.IsActive, cancellationToken))
            {
                throw new DomainException("department.hasActiveChildren", "Deactivate or move the department's active sub-departments first.");
            }

            department.Deactivate(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<DepartmentDto>(department);
    }
}
