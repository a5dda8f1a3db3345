using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Surveys;

public static class InvitationTokens
{
    public const int MaxLength = 100;

    public static async Task<SurveyInvitation> FindAsync(IApplicationDbContext db, string token, bool track, CancellationToken ct)
    {
        var hash = SurveyInvitation.HashToken(token);
        var invitations = track ? db.SurveyInvitations.Include(i => i.Answers) : db.SurveyInvitations.AsNoTracking();
        // One answer for every unknown token, so that nothing about other invitations can be learnt.
        return await invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct) ?? throw new NotFoundException("Survey invitation", "(token)");
    }

    public static async Task<SurveyTemplateVersion> VersionAsync(IApplicationDbContext db, SurveyInvitation invitation, CancellationToken ct) =>
        await db.SurveyTemplateVersions.AsNoTracking()
            .SingleAsync(v => v.TemplateId == invitation.TemplateId && v.Number == invitation.TemplateVersion, ct);
}
