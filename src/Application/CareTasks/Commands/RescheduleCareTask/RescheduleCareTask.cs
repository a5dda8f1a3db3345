using AutoMapper;
using CustomerCare.Application.CareTasks.Queries.GetCareTask;
using CustomerCare.Application.Common.Interfaces;
using Mediator;

namespace CustomerCare.Application.CareTasks.Commands.RescheduleCareTask;

/// <summary>Hands the task to someone (null: nobody yet) and sets its due day.</summary>
/// <summary>A new day and, if need be, a new owner.</summary>
public sealed record RescheduleCareTaskInput(
    Guid? OwnerId,
    DateOnly? DueOn);

public sealed record RescheduleCareTaskCommand(Guid Id, RescheduleCareTaskInput Input, uint? ExpectedVersion) : ICommand<CareTaskDto>;

public sealed class RescheduleCareTaskCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IMapper mapper) : ICommandHandler<RescheduleCareTaskCommand, CareTaskDto>
{
    public async ValueTask<CareTaskDto> Handle(RescheduleCareTaskCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureOwnerAsync(command.Input.OwnerId, cancellationToken);
        var task = await db.LoadCareTaskForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        task.Reschedule(command.Input.OwnerId, command.Input.DueOn!.Value, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CareTaskDto>(task);
    }
}
