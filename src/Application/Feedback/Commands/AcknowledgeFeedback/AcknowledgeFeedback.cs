using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Feedback.Queries.GetFeedback;
using Mediator;

namespace CustomerCare.Application.Feedback.Commands.AcknowledgeFeedback;

/// <summary>The customer was told their feedback arrived: new → acknowledged.</summary>
public sealed record AcknowledgeFeedbackCommand(Guid Id, uint? ExpectedVersion) : ICommand<FeedbackDto>;

public sealed class AcknowledgeFeedbackCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IMapper mapper) : ICommandHandler<AcknowledgeFeedbackCommand, FeedbackDto>
{
    public async ValueTask<FeedbackDto> Handle(AcknowledgeFeedbackCommand command, CancellationToken cancellationToken)
    {
        var feedback = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, cancellationToken);
        feedback.Acknowledge(user.StaffId(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<FeedbackDto>(feedback);
    }
}
