using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Surveys;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ValidationException = CustomerCare.Application.Common.Exceptions.ValidationException;

namespace CustomerCare.Application.Surveys.Campaigns;

/// <summary>
/// Sends a survey: to a customer segment or a list of customers, once or every quarter, half-year or year from
/// <see cref="StartsAt"/>; or, with schedule <c>afterComplaintClosed</c>, to the customer of every complaint that closes.
/// </summary>
public sealed record CreateCampaignCommand(
    Guid SurveyId, string Name, CampaignSchedule Schedule, string? Segment, IReadOnlyList<Guid>? CustomerIds, Channel Channel, string? Product,
    int ResponseDays, DateTimeOffset? StartsAt) : ICommand<CampaignDto>;

public sealed class CreateCampaignCommandValidator : AbstractValidator<CreateCampaignCommand>
{
    public CreateCampaignCommandValidator(TimeProvider time)
    {
        RuleFor(c => c.SurveyId).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(SurveyCampaign.NameMaxLength);
        RuleFor(c => c.Schedule).IsInEnum();
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.Product).MaximumLength(SurveyCampaign.ProductMaxLength);
        RuleFor(c => c.Segment).MaximumLength(Customer.SegmentMaxLength);
        RuleFor(c => c.ResponseDays).InclusiveBetween(SurveyCampaign.MinResponseDays, SurveyCampaign.MaxResponseDays);
        RuleFor(c => c.CustomerIds).Must(ids => ids is null || ids.Count <= SurveyCampaign.MaxListedCustomers)
            .WithMessage($"A list names at most {SurveyCampaign.MaxListedCustomers} customers; use a segment for more.");
        RuleForEach(c => c.CustomerIds).NotEmpty();
        RuleFor(c => c.Segment).Null().When(c => c.Schedule == CampaignSchedule.AfterComplaintClosed)
            .WithMessage("A post-closure campaign asks the customer of each closed complaint; leave segment out.");
        RuleFor(c => c.CustomerIds).Must(ids => ids is null || ids.Count == 0).When(c => c.Schedule == CampaignSchedule.AfterComplaintClosed)
            .WithMessage("A post-closure campaign asks the customer of each closed complaint; leave customerIds out.");
        RuleFor(c => c.StartsAt).Null().When(c => c.Schedule == CampaignSchedule.AfterComplaintClosed)
            .WithMessage("A post-closure campaign runs from its creation; leave startsAt out.");
        RuleFor(c => c.Segment).NotEmpty().When(c => c.Schedule != CampaignSchedule.AfterComplaintClosed && (c.CustomerIds is null || c.CustomerIds.Count == 0))
            .WithMessage("Name a customer segment or a list of customers (customerIds).");
        RuleFor(c => c.Segment).Null().When(c => c.CustomerIds is { Count: > 0 })
            .WithMessage("Name a segment or a list of customers, not both.");
        RuleFor(c => c.StartsAt).GreaterThanOrEqualTo(_ => time.GetUtcNow().AddDays(-1)).WithMessage("Cannot start in the past.")
            .LessThanOrEqualTo(_ => time.GetUtcNow().AddYears(5)).WithMessage("Cannot start more than 5 years ahead.");
    }
}

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

/// <summary>No more waves or post-closure invitations; links already sent stay valid until they expire.</summary>
public sealed record StopCampaignCommand(Guid Id, uint? ExpectedVersion) : ICommand<CampaignDto>;

public sealed class StopCampaignCommandValidator : AbstractValidator<StopCampaignCommand>
{
    public StopCampaignCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}

public sealed class StopCampaignCommandHandler(IApplicationDbContext db, TimeProvider time) : ICommandHandler<StopCampaignCommand, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(StopCampaignCommand command, CancellationToken cancellationToken)
    {
        var campaign = await db.SurveyCampaigns.SingleOrDefaultAsync(c => c.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Campaign", command.Id);
        db.ExpectVersion(campaign, command.ExpectedVersion);
        campaign.Stop(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await CampaignQueries.DtoAsync(db, campaign.Id, time.GetUtcNow(), cancellationToken);
    }
}

/// <summary>What the campaign worker runs: open the waves that are due, write their invitations.</summary>
public sealed record RunSurveyCampaignsCommand : ICommand<int>;

public sealed class RunSurveyCampaignsCommandHandler(SurveyInviter inviter, TimeProvider time) : ICommandHandler<RunSurveyCampaignsCommand, int>
{
    public async ValueTask<int> Handle(RunSurveyCampaignsCommand command, CancellationToken cancellationToken) =>
        await inviter.RunDueWavesAsync(time.GetUtcNow(), cancellationToken);
}
