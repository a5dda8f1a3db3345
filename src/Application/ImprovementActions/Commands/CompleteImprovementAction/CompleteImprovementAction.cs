using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.ImprovementActions.Queries.GetImprovementAction;
using Mediator;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.ImprovementActions.Commands.CompleteImprovementAction;

/// <summary>What was done.</summary>
public sealed record CompleteImprovementActionInput(string? Note);

/// <summary>The action was carried out (→ done); its effect can be reviewed <c>CustomerCare:Improvement:ReviewAfterDays</c> later.</summary>
public sealed record CompleteImprovementActionCommand(Guid Id, CompleteImprovementActionInput Input, uint? ExpectedVersion) : ICommand<ImprovementActionDto>;

public sealed class CompleteImprovementActionCommandHandler(
    IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time, ISlaScheduleProvider schedules, IOptions<ImprovementOptions> options)
    : ICommandHandler<CompleteImprovementActionCommand, ImprovementActionDto>
{
    public async ValueTask<ImprovementActionDto> Handle(CompleteImprovementActionCommand command, CancellationToken cancellationToken)
    {
        var action = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, cancellationToken);
        ImprovementActionRules.EnsureMayProgress(user, action);
        action.Complete(command.Input.Note, TimeSpan.FromDays(options.Value.ReviewAfterDays), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ImprovementActionDto.For(mapper, action, await schedules.TodayAsync(time, cancellationToken));
    }
}
