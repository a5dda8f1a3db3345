using AutoMapper;
using CustomerCare.Application.Common.Mappings;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Surveys;

namespace CustomerCare.Application.Surveys.Queries.GetCampaign;

public sealed record CampaignDto(
    Guid Id, Guid SurveyId, string Name, CampaignSchedule Schedule, string? Segment, int ListedCustomers, Channel Channel, string? Product,
    int ResponseDays, DateTimeOffset StartsAt, DateTimeOffset? NextRunAt, DateTimeOffset? LastRunAt, int Waves, bool WaveInProgress,
    bool IsActive, CampaignCountsDto Invitations, DateTimeOffset CreatedAt, uint Version) : IVersioned;

/// <summary>Invitations of a campaign: sent, answered, expired without an answer, and the response rate (answered / sent).</summary>
public sealed record CampaignCountsDto(int Sent, int Answered, int Expired)
{
    public double? ResponseRate => Sent == 0 ? null : Math.Round((double)Answered / Sent, 4);
}

/// <summary>An invitation with the link to send the customer; the token is shown to staff only.</summary>
public sealed record InvitationDto(
    Guid Id, Guid CustomerId, Guid? ComplaintId, int Wave, int SurveyVersion, Channel Channel, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? AnsweredAt, string Token, string Link)
{
    /// <summary>The context item holding the base of response links (configured, or the API's own path).</summary>
    public const string LinkBase = "linkBase";

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<SurveyInvitation, InvitationDto>()
            .ForCtorParam(nameof(SurveyVersion), o => o.MapFrom(i => i.TemplateVersion))
            .ForCtorParam(nameof(Link), o => o.MapFrom((i, context) => context.Item<string>(LinkBase) + i.Token));
    }
}