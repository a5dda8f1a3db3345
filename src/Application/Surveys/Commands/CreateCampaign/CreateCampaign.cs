using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Surveys.Queries.GetCampaign;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Surveys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Surveys.Commands.CreateCampaign;

/// <summary>
/// Sends a survey: to a customer segment or a list of customers, once or every quarter, half-year or year from
/// <see cref="StartsAt"/>; or, with schedule <c>afterComplaintClosed</c>, to the customer of every complaint that closes.
/// </summary>
/// <summary>A survey campaign: whom to ask (a segment, a list, or the customers of closed complaints), when, and how.</summary>
public sealed record CreateCampaignInput(
    Guid? SurveyId,
    string Name,
    CampaignSchedule? Schedule,
    string? Segment,
    IReadOnlyList<Guid>? CustomerIds,
    Channel? Channel,
    string? Product,
    int? ResponseDays,
    DateTimeOffset? StartsAt);

public sealed record CreateCampaignCommand(CreateCampaignInput Input) : ICommand<CampaignDto>;

public sealed class CreateCampaignCommandHandler(IApplicationDbContext db, TimeProvider time) : ICommandHandler<CreateCampaignCommand, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(CreateCampaignCommand command, CancellationToken cancellationToken)
    {
        if (!await db.SurveyTemplates.AnyAsync(t => t.Id == command.Input.SurveyId!.Value, cancellationToken))
        {
            throw new ValidationException("surveyId", "No survey has this id.");
        }

        var ids = command.Input.CustomerIds?.Distinct().ToList() ?? [];
        if (ids.Count > 0)
        {
            var known = await db.Customers.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
            if (ids.Except(known).FirstOrDefault() is var unknown && unknown != Guid.Empty)
            {
                throw new ValidationException("customerIds", $"No customer has id {unknown}.");
            }
        }

        var campaign = SurveyCampaign.Create(command.Input.SurveyId!.Value, command.Input.Name, command.Input.Schedule!.Value, new CampaignAudience(command.Input.Segment, ids),
            (command.Input.Channel ?? Channel.Email), command.Input.Product, (command.Input.ResponseDays ?? 14), command.Input.StartsAt, time.GetUtcNow());
        db.SurveyCampaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return await CampaignQueries.DtoAsync(db, campaign.Id, time.GetUtcNow(), cancellationToken);
    }
}
