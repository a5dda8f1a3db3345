using AutoMapper;
using CustomerCare.Application.CareTasks.Queries.GetCareTask;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints;
using CustomerCare.Domain.CareTasks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.CareTasks.Commands.CreateCareTask;

/// <summary>Schedules a care contact (a follow-up call, a key-customer call, a greeting).</summary>
public sealed record CreateCareTaskCommand(
    CareTaskKind Kind, Guid CustomerId, Guid? ComplaintId, Guid? OwnerId, DateOnly DueOn, string Subject, string? Notes) : ICommand<CareTaskDto>;

public sealed class CreateCareTaskCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IMapper mapper) : ICommandHandler<CreateCareTaskCommand, CareTaskDto>
{
    public async ValueTask<CareTaskDto> Handle(CreateCareTaskCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == command.CustomerId && c.ErasedAt == null && c.MergedIntoId == null, cancellationToken))
        {
            throw new ValidationException("customerId", "No customer has this id.");
        }

        if (command.ComplaintId is { } complaintId
            && !await (await db.VisibleAsync(user, cancellationToken)).AnyAsync(c => c.Id == complaintId && c.CustomerId == command.CustomerId, cancellationToken))
        {
            // The same answer whether the complaint is another customer's or one the caller may not see: no oracle.
            throw new ValidationException("complaintId", "The customer has no complaint with this id.");
        }

        await db.EnsureOwnerAsync(command.OwnerId, cancellationToken);
        var task = CareTask.Create(new NewCareTask(command.Kind, command.CustomerId, command.ComplaintId, command.OwnerId, command.DueOn,
            command.Subject, command.Notes), time.GetUtcNow());
        db.CareTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<CareTaskDto>(task);
    }
}
