using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Feedback.Queries.GetFeedback;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Feedback;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Feedback.Commands.ReceiveFeedback;

/// <summary>Records feedback a customer gave through any channel (state new).</summary>
/// <summary>A customer's suggestion, praise or question.</summary>
public sealed record ReceiveFeedbackInput(
    Guid? CustomerId,
    FeedbackKind? Kind,
    Channel? Channel,
    string Subject,
    string Text);

public sealed record ReceiveFeedbackCommand(ReceiveFeedbackInput Input) : ICommand<FeedbackDto>;

public sealed class ReceiveFeedbackCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time, IMapper mapper) : ICommandHandler<ReceiveFeedbackCommand, FeedbackDto>
{
    public async ValueTask<FeedbackDto> Handle(ReceiveFeedbackCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == command.Input.CustomerId!.Value && c.ErasedAt == null && c.MergedIntoId == null, cancellationToken))
        {
            throw new ValidationException("customerId", "No customer has this id.");
        }

        var feedback = CustomerFeedback.Receive(command.Input.CustomerId!.Value, command.Input.Kind!.Value, command.Input.Channel!.Value, command.Input.Subject, command.Input.Text, user.StaffId(), time.GetUtcNow());
        db.Feedback.Add(feedback);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<FeedbackDto>(feedback);
    }
}
