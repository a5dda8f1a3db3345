using AutoMapper;
using CustomerCare.Application.CareTasks.Queries.GetCareTask;
using CustomerCare.Application.Common.Interfaces;
using Mediator;

namespace CustomerCare.Application.CareTasks.Commands.RescheduleCareTask;

/// <summary>Hands the task to someone (null: nobody yet) and sets its due day.</summary>
public sealed record RescheduleCareTaskCommand(Guid Id, Guid? OwnerId, DateOnly DueOn, uint? ExpectedVersion) : ICommand<CareTaskDto>;

public sealed class RescheduleCareTaskCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IMapper mapper) : ICommandHandler<RescheduleCareTaskCommand, CareTaskDto>
{
    public async ValueTask<CareTaskDto> Handle(RescheduleCareTaskCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureOwnerAsync(command.OwnerId, cancellationToken);
        var task = await db.LoadCareTaskForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        task.Reschedule(command.OwnerId, command.DueOn, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CareTaskDto>(task);
    }
}
