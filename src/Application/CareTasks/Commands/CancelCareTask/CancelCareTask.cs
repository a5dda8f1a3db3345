using AutoMapper;
using CustomerCare.Application.CareTasks.Queries.GetCareTask;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Feedback;
using Mediator;

namespace CustomerCare.Application.CareTasks.Commands.CancelCareTask;

/// <summary>Why the contact will not happen.</summary>
public sealed record CancelCareTaskInput(
    string Reason);

public sealed record CancelCareTaskCommand(Guid Id, CancelCareTaskInput Input, uint? ExpectedVersion) : ICommand<CareTaskDto>;

public sealed class CancelCareTaskCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IMapper mapper) : ICommandHandler<CancelCareTaskCommand, CareTaskDto>
{
    public async ValueTask<CareTaskDto> Handle(CancelCareTaskCommand command, CancellationToken cancellationToken)
    {
        var task = await db.LoadCareTaskForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        task.Cancel(command.Input.Reason, user.StaffId(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CareTaskDto>(task);
    }
}
