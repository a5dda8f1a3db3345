using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Feedback.Queries.GetFeedback;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Feedback.Commands.StartFeedback;

/// <summary>Work starts (by the caller, or the staff member named): → in progress.</summary>
/// <summary>Who handles the feedback (the caller when absent).</summary>
public sealed record StartFeedbackInput(
    Guid? HandlerId);

public sealed record StartFeedbackCommand(Guid Id, StartFeedbackInput Input, uint? ExpectedVersion) : ICommand<FeedbackDto>;

public sealed class StartFeedbackCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IMapper mapper) : ICommandHandler<StartFeedbackCommand, FeedbackDto>
{
    public async ValueTask<FeedbackDto> Handle(StartFeedbackCommand command, CancellationToken cancellationToken)
    {
        if (command.Input.HandlerId is { } handler && !await db.Staff.AnyAsync(s => s.Id == handler && s.IsActive, cancellationToken))
        {
            throw new ValidationException("handlerId", "No active staff member has this id.");
        }

        var feedback = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, cancellationToken);
        feedback.Start(command.Input.HandlerId ?? user.StaffId(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<FeedbackDto>(feedback);
    }
}
