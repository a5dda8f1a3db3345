using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.ImprovementActions.Queries.GetImprovementAction;
using CustomerCare.Domain.ImprovementActions;
using Mediator;

namespace CustomerCare.Application.ImprovementActions.Commands.PlanImprovementAction;

/// <summary>Plans an improvement action (→ planned), traced to what it answers.</summary>
public sealed record PlanImprovementActionCommand(ImprovementActionInput Input) : ICommand<ImprovementActionDto>;

public sealed class PlanImprovementActionCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time, ISlaScheduleProvider schedules)
    : ICommandHandler<PlanImprovementActionCommand, ImprovementActionDto>
{
    public async ValueTask<ImprovementActionDto> Handle(PlanImprovementActionCommand command, CancellationToken cancellationToken)
    {
        var (plan, links) = await ImprovementActionRules.ResolveAsync(db, user, command.Input, cancellationToken);
        var now = time.GetUtcNow();
        var action = ImprovementAction.Plan(plan, user.Id, now);
        links.ForEach(link => action.Link(link, now));
        db.ImprovementActions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return ImprovementActionDto.For(mapper, action, await schedules.TodayAsync(time, cancellationToken));
    }
}
