using CustomerCare.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Surveys;

/// <summary>One survey a customer was asked, with their answers (for the customer's overview and export).</summary>
public sealed record SurveyResponseDto(
    Guid InvitationId, Guid SurveyId, string Survey, int SurveyVersion, Guid CampaignId, Guid? ComplaintId, DateTimeOffset InvitedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt, IReadOnlyList<SurveyAnswerDto> Answers);

public sealed record SurveyAnswerDto(string QuestionKey, int? Score, string? Choice, string? Text);

public static class SurveyResponses
{
    /// <summary>The customer's invitations, newest first (at most <paramref name="take"/>), with their answers.</summary>
    public static async Task<List<SurveyResponseDto>> OfCustomerAsync(IApplicationDbContext db, Guid customerId, bool answeredOnly, int take, CancellationToken ct)
    {
        var invitations = db.SurveyInvitations.AsNoTracking().Where(i => i.CustomerId == customerId);
        if (answeredOnly)
        {
            invitations = invitations.Where(i => i.AnsweredAt != null);
        }

        return await invitations.OrderByDescending(i => i.AnsweredAt ?? i.CreatedAt).Take(take)
            .Select(i => new SurveyResponseDto(
                i.Id, i.TemplateId, db.SurveyTemplates.Where(t => t.Id == i.TemplateId).Select(t => t.Name).First(), i.TemplateVersion, i.CampaignId,
                i.ComplaintId, i.CreatedAt, i.ExpiresAt, i.AnsweredAt,
                i.Answers.OrderBy(a => a.QuestionKey).Select(a => new SurveyAnswerDto(a.QuestionKey, a.Score, a.Choice, a.Text)).ToList()))
            .ToListAsync(ct);
    }
}
