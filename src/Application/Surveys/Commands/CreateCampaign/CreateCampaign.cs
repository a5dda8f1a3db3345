using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Surveys.Queries.GetCampaign;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Surveys;
using Mediator;
using Microsoft.EntityFrameworkCore;
using CustomerCare.Application.Common.Exceptions;

namespace CustomerCare.Application.Surveys.Commands.CreateCampaign;

/// <summary>
/// Sends a survey: to a customer segment or a list of customers, once or every quarter, half-year or year from
/// <see cref="StartsAt"/>; or, with schedule <c>afterComplaintClosed</c>, to the customer of every complaint that closes.
/// </summary>
public sealed record CreateCampaignCommand(
    Guid SurveyId, string Name, CampaignSchedule Schedule, string? Segment, IReadOnlyList<Guid>? CustomerIds, Channel Channel, string? Product,
    int ResponseDays, DateTimeOffset? StartsAt) : ICommand<CampaignDto>;

public sealed class CreateCampaignCommandHandler(IApplicationDbContext db, TimeProvider time) : ICommandHandler<CreateCampaignCommand, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(CreateCampaignCommand command, CancellationToken cancellationToken)
    {
        if (!await db.SurveyTemplates.AnyAsync(t => t.Id == command.SurveyId, cancellationToken))
        {
            throw new ValidationException("surveyId", "No survey has this id.");
        }

        var ids = command.CustomerIds?.Distinct().ToList() ?? [];
        if (ids.Count > 0)
        {
            var known = await db.Customers.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
            if (ids.Except(known).FirstOrDefault() is var unknown && unknown != Guid.Empty)
            {
                throw new ValidationException("customerIds", $"No customer has id {unknown}.");
            }
        }

        var campaign = SurveyCampaign.Create(command.SurveyId, command.Name, command.Schedule, new CampaignAudience(command.Segment, ids),
            command.Channel, command.Product, command.ResponseDays, command.StartsAt, time.GetUtcNow());
        db.SurveyCampaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return await CampaignQueries.DtoAsync(db, campaign.Id, time.GetUtcNow(), cancellationToken);
    }
}
