using AutoMapper;
using CustomerCare.Application.CareTasks.Queries.GetCareTask;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Feedback;
using CustomerCare.Domain.CareTasks;
using Mediator;

namespace CustomerCare.Application.CareTasks.Commands.CompleteCareTask;

/// <summary>The contact happened (or was tried): the result and what was said.</summary>
/// <summary>How the contact went.</summary>
public sealed record CompleteCareTaskInput(
    CareTaskResult? Result,
    string? Outcome);

public sealed record CompleteCareTaskCommand(Guid Id, CompleteCareTaskInput Input, uint? ExpectedVersion) : ICommand<CareTaskDto>;

public sealed class CompleteCareTaskCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IMapper mapper) : ICommandHandler<CompleteCareTaskCommand, CareTaskDto>
{
    public async ValueTask<CareTaskDto> Handle(CompleteCareTaskCommand command, CancellationToken cancellationToken)
    {
        var task = await db.LoadCareTaskForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        task.Complete(command.Input.Result!.Value, command.Input.Outcome, user.StaffId(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CareTaskDto>(task);
    }
}
