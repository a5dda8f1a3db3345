using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Customers;
using CustomerCare.Application.Feedback.Queries.GetFeedback;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.ImprovementActions;
using CustomerCare.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Feedback.Commands.AnswerFeedback;

/// <summary>
/// The customer is told the outcome (→ answered, final). Without <see cref="Via"/> the answer goes by the customer's
/// preferred channel, else the channel the feedback came through. Reward points are added to the customer's account.
/// </summary>
/// <summary>The answer given to the customer, and what the feedback led to (an accepted suggestion: the improvement action, created first).</summary>
public sealed record AnswerFeedbackInput(
    string Answer,
    Channel? Via,
    bool? Accepted,
    Guid? ImprovementActionId,
    int? RewardPoints);

public sealed record AnswerFeedbackCommand(Guid Id, AnswerFeedbackInput Input, uint? ExpectedVersion) : ICommand<FeedbackDto>;

public sealed class AnswerFeedbackCommandHandler(IApplicationDbContext db, ICurrentUser user, IOptions<RewardOptions> rewards, TimeProvider time, IMapper mapper)
    : ICommandHandler<AnswerFeedbackCommand, FeedbackDto>
{
    public async ValueTask<FeedbackDto> Handle(AnswerFeedbackCommand command, CancellationToken cancellationToken)
    {
        var feedback = await db.LoadForChangeAsync(command.Id, command.ExpectedVersion, cancellationToken);
        var customer = await db.Customers.SingleAsync(c => c.Id == feedback.CustomerId, cancellationToken);
        var now = time.GetUtcNow();
        if ((command.Input.RewardPoints ?? 0) > 0)
        {
            await EnsureWithinLimitsAsync(customer.Id, (command.Input.RewardPoints ?? 0), now, cancellationToken);
            db.Record(user, customer.Id, CustomerAccess.RewardGranted, now, points: (command.Input.RewardPoints ?? 0));
        }

        feedback.Respond(command.Input.Answer, command.Input.Via ?? customer.PreferredChannel ?? feedback.Channel, command.Input.Accepted, command.Input.ImprovementActionId,
            (command.Input.RewardPoints ?? 0), user.StaffId(), now);
        if (feedback.ImprovementActionId is { } actionId)
        {
            var action = await db.ImprovementActions.SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken)
                ?? throw new ValidationException("improvementActionId", "No improvement action has this id.");
            action.Link(new ImprovementLink(ImprovementLinkKind.Feedback, feedback.Id), now);
        }

        customer.GrantRewardPoints((command.Input.RewardPoints ?? 0), now);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<FeedbackDto>(feedback);
    }

    /// <summary>
    /// A grant stays within the most per grant, within the caller's own limit (an agent's is lower: more needs a supervisor),
    /// and within the customer's cap for the period, counted over the grants in the audit log.
    /// </summary>
    private async Task EnsureWithinLimitsAsync(Guid customerId, int points, DateTimeOffset now, CancellationToken ct)
    {
        var o = rewards.Value;
        if (points > o.MaxPerGrant)
        {
            throw new ValidationException("rewardPoints", $"At most {o.MaxPerGrant} points per grant.");
        }

        if (points > o.AgentMaxPerGrant && !(user.IsInRole(Role.Supervisor) || user.IsInRole(Role.Manager) || user.IsInRole(Role.Admin)))
        {
            throw new ForbiddenException($"Grants above {o.AgentMaxPerGrant} points need a supervisor, manager or administrator.");
        }

        var since = now - o.Period;
        var granted = await db.CustomerAccessRecords
            .Where(r => r.CustomerId == customerId && r.Action == CustomerAccess.RewardGranted && r.At > since)
            .SumAsync(r => r.Points ?? 0, ct);
        if (granted + points > o.MaxPerCustomerPerPeriod)
        {
            throw new ValidationException("rewardPoints",
                $"The customer has received {granted} of at most {o.MaxPerCustomerPerPeriod} points in the last {o.Period.TotalDays:0} days; at most {Math.Max(0, o.MaxPerCustomerPerPeriod - granted)} more.");
        }
    }
}
