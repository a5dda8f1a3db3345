using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Departments.Commands.RemoveDepartmentRobot;

/// <summary>Removes the department's robot of a kind (If-Match optional); nothing is posted there any more.</summary>
public sealed record RemoveDepartmentRobotCommand(Guid DepartmentId, string Kind, uint? ExpectedVersion) : ICommand
{
    public GroupRobotKind ParsedKind => Enum.Parse<GroupRobotKind>(Kind, ignoreCase: true);
}

public sealed class RemoveDepartmentRobotCommandHandler(IApplicationDbContext db) : ICommandHandler<RemoveDepartmentRobotCommand>
{
    public async ValueTask<Unit> Handle(RemoveDepartmentRobotCommand command, CancellationToken cancellationToken)
    {
        var kind = command.ParsedKind;
        var robot = await db.DepartmentRobots.SingleOrDefaultAsync(r => r.DepartmentId == command.DepartmentId && r.Kind == kind, cancellationToken)
            ?? throw new NotFoundException("Department robot", $"{command.DepartmentId}/{command.Kind}");
        db.ExpectVersion(robot, command.ExpectedVersion);
        db.DepartmentRobots.Remove(robot);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
