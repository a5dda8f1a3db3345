using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.ImprovementActions.Queries.GetImprovementAction;
using Mediator;

namespace CustomerCare.Application.ImprovementActions.Commands.ReplanImprovementAction;

/// <summary>Changes an open action's plan (owner, department, due day, what it should lower); the links named are added.</summary>
public sealed record ReplanImprovementActionCommand(Guid Id, ImprovementActionInput Input, uint? ExpectedVersion) : ICommand<ImprovementActionDto>;

public sealed class ReplanImprovementActionCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time, ISlaScheduleProvider schedules)
    : ICommandHandler<ReplanImprovementActionCommand, ImprovementActionDto>
{
    public async ValueTask<ImprovementActionDto> Handle(ReplanImprovementActionCommand command, CancellationToken cancellationToken)
    {
        var action = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, cancellationToken);
        ImprovementActionRules.EnsureMayProgress(user, action);
        var (plan, links) = await ImprovementActionRules.ResolveAsync(db, user, command.Input, cancellationToken);
        var now = time.GetUtcNow();
        action.Replan(plan, now);
        links.ForEach(link => action.Link(link, now));
        await db.SaveChangesAsync(cancellationToken);
        return ImprovementActionDto.For(mapper, action, await schedules.TodayAsync(time, cancellationToken));
    }
}
