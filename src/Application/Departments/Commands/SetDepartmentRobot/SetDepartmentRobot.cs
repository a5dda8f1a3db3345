using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Departments.Queries.ListDepartmentRobots;
using CustomerCare.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Departments.Commands.SetDepartmentRobot;

/// <summary>A robot's webhook address, and for a signing 钉钉 robot its secret (<c>SEC…</c>).</summary>
public sealed record DepartmentRobotInput(string WebhookUrl, string? Secret);

/// <summary>Sets (or replaces) the department's robot of a kind; its staff notifications are posted there from now on.</summary>
public sealed record SetDepartmentRobotCommand(Guid DepartmentId, string Kind, DepartmentRobotInput Input, uint? ExpectedVersion)
    : ICommand<DepartmentRobotDto>
{
    public GroupRobotKind ParsedKind => Enum.Parse<GroupRobotKind>(Kind, ignoreCase: true);
}

public sealed class SetDepartmentRobotCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider time)
    : ICommandHandler<SetDepartmentRobotCommand, DepartmentRobotDto>
{
    public async ValueTask<DepartmentRobotDto> Handle(SetDepartmentRobotCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Departments.AnyAsync(d => d.Id == command.DepartmentId, cancellationToken))
        {
            throw new NotFoundException("Department", command.DepartmentId);
        }

        var kind = command.ParsedKind;
        var robot = await db.DepartmentRobots.SingleOrDefaultAsync(r => r.DepartmentId == command.DepartmentId && r.Kind == kind, cancellationToken);
        var secret = string.IsNullOrEmpty(command.Input.Secret) ? null : command.Input.Secret;
        if (robot is null)
        {
            if (command.ExpectedVersion is not null)
            {
                throw new PreconditionFailedException();
            }

            robot = DepartmentRobot.Create(command.DepartmentId, kind, command.Input.WebhookUrl, secret, time.GetUtcNow());
            db.DepartmentRobots.Add(robot);
        }
        else
        {
            db.ExpectVersion(robot, command.ExpectedVersion);
            robot.Change(command.Input.WebhookUrl, secret, time.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<DepartmentRobotDto>(robot);
    }
}
