using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.ImprovementActions.Queries.GetImprovementAction;
using Mediator;

namespace CustomerCare.Application.ImprovementActions.Commands.StartImprovementAction;

/// <summary>Work on the action starts: planned → in progress.</summary>
public sealed record StartImprovementActionCommand(Guid Id, uint? ExpectedVersion) : ICommand<ImprovementActionDto>;

public sealed class StartImprovementActionCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time, ISlaScheduleProvider schedules)
    : ICommandHandler<StartImprovementActionCommand, ImprovementActionDto>
{
    public async ValueTask<ImprovementActionDto> Handle(StartImprovementActionCommand command, CancellationToken cancellationToken)
    {
        var action = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, cancellationToken);
        ImprovementActionRules.EnsureMayProgress(user, action);
        action.Start(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ImprovementActionDto.For(mapper, action, await schedules.TodayAsync(time, cancellationToken));
    }
}
