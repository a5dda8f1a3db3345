using AutoMapper;
using CustomerCare.Application.CareTasks.Queries.GetCareTask;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints;
using CustomerCare.Domain.CareTasks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.CareTasks.Commands.CreateCareTask;

/// <summary>A care task: a contact with a customer due on a day, owned by a staff member.</summary>
public sealed record CreateCareTaskInput(
    CareTaskKind? Kind,
    Guid? CustomerId,
    Guid? ComplaintId,
    Guid? OwnerId,
    DateOnly? DueOn,
    string Subject,
    string? Notes);

/// <summary>Schedules a care contact (a follow-up call, a key-customer call, a greeting: sent to the customer on its day when switched on).</summary>
public sealed record CreateCareTaskCommand(CreateCareTaskInput Input) : ICommand<CareTaskDto>;

public sealed class CreateCareTaskCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IMapper mapper) : ICommandHandler<CreateCareTaskCommand, CareTaskDto>
{
    public async ValueTask<CareTaskDto> Handle(CreateCareTaskCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == command.Input.CustomerId!.Value && c.ErasedAt == null && c.MergedIntoId == null, cancellationToken))
        {
            throw new ValidationException("customerId", "No customer has this id.");
        }

        if (command.Input.ComplaintId is { } complaintId
            && !await (await db.VisibleAsync(user, cancellationToken)).AnyAsync(c => c.Id == complaintId && c.CustomerId == command.Input.CustomerId!.Value, cancellationToken))
        {
            // The same answer whether the complaint is another customer's or one the caller may not see: no oracle.
            throw new ValidationException("complaintId", "The customer has no complaint with this id.");
        }

        await db.EnsureOwnerAsync(command.Input.OwnerId, cancellationToken);
        var task = CareTask.Create(new NewCareTask(command.Input.Kind!.Value, command.Input.CustomerId!.Value, command.Input.ComplaintId, command.Input.OwnerId, command.Input.DueOn!.Value,
            command.Input.Subject, command.Input.Notes), time.GetUtcNow());
        db.CareTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CareTaskDto>(task);
    }
}
