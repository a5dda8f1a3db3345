using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Surveys;

/// <summary>
/// Writes survey invitations: one per post-closure campaign when a complaint closes (inside the closing unit of work),
/// and the waves of scheduled campaigns, in batches, resumable after a crash (a wave remembers it is open; customers
/// already invited in it are skipped; each batch updates the campaign row, so a second writer's batch fails on its version).
/// </summary>
public sealed class SurveyInviter(IApplicationDbContext db, IOptions<SurveyOptions> options)
{
    public async Task InviteAfterClosureAsync(Complaint complaint, DateTimeOffset now, CancellationToken ct)
    {
        var campaigns = await db.SurveyCampaigns.Where(c => c.IsActive && c.Schedule == CampaignSchedule.AfterComplaintClosed).ToListAsync(ct);
        if (campaigns.Count == 0)
        {
            return;
        }

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == complaint.CustomerId)
            .Select(c => new { c.Segment, c.ErasedAt, c.MergedIntoId }).SingleAsync(ct);
        if (customer.ErasedAt is not null || customer.MergedIntoId is not null)
        {
            return; // nobody left to ask
        }

        var templateIds = campaigns.Select(c => c.TemplateId).ToList();
        var versions = await db.SurveyTemplates.AsNoTracking().Where(t => templateIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.CurrentVersion, ct);
        var subject = new InvitationSubject(complaint.CustomerId, customer.Segment, complaint.Id, complaint.FirstResponderId,
            complaint.Channel, complaint.Product, complaint.KeptServiceLevels(now));
        foreach (var campaign in campaigns)
        {
            db.SurveyInvitations.Add(SurveyInvitation.Create(campaign, versions[campaign.TemplateId], 0, subject, now));
        }
    }

    /// <summary>Opens the waves that are due and writes the invitations of every open wave. Returns how many it wrote.</summary>
    public async Task<int> RunDueWavesAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.SurveyCampaigns.AsNoTracking()
            .Where(c => c.IsActive && c.OpenWave == null && c.NextRunAt != null && c.NextRunAt <= now)
            .Select(c => c.Id).ToListAsync(ct);
        foreach (var id in due)
        {
            await OpenWaveAsync(id, now, ct);
        }

        var open = await db.SurveyCampaigns.AsNoTracking().Where(c => c.OpenWave != null).Select(c => c.Id).ToListAsync(ct);
        var written = 0;
        foreach (var id in open)
        {
            written += await FillWaveAsync(id, now, ct);
        }

        return written;
    }

    private async Task OpenWaveAsync(Guid campaignId, DateTimeOffset now, CancellationToken ct)
    {
        var campaign = await db.SurveyCampaigns.SingleAsync(c => c.Id == campaignId, ct);
        if (!campaign.IsDue(now))
        {
            return;
        }

        var version = await db.SurveyTemplates.Where(t => t.Id == campaign.TemplateId).Select(t => t.CurrentVersion).SingleAsync(ct);
        campaign.StartWave(version, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another replica opened it first.
        }
        finally
        {
            db.DiscardChanges();
        }
    }

    private async Task<int> FillWaveAsync(Guid campaignId, DateTimeOffset now, CancellationToken ct)
    {
        var written = 0;
        while (true)
        {
            var campaign = await db.SurveyCampaigns.SingleAsync(c => c.Id == campaignId, ct);
            if (campaign.OpenWave is not { } wave || campaign.OpenWaveTemplateVersion is not { } version)
            {
                return written;
            }

            // Tracked with their contact points: each invitation's notification is planned in this save from the customer
            // already loaded (one query per batch, not one per invitation).
            var batch = await Audience(campaign, wave).OrderBy(c => c.Id).Take(options.Value.WaveBatchSize)
                .Include(c => c.ContactPoints).AsTracking().ToListAsync(ct);
            if (batch.Count == 0)
            {
                campaign.CompleteWave(now);
            }

            else
            {
                campaign.RecordBatch(batch.Count, now);
            }

            foreach (var customer in batch)
            {
                db.SurveyInvitations.Add(SurveyInvitation.Create(campaign, version, wave, new InvitationSubject(customer.Id, customer.Segment), now));
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another writer saved a batch of this wave first (the campaign's row version moved): it carries on.
                db.DiscardChanges();
                return written;
            }

            db.DiscardChanges();
            written += batch.Count;
            if (batch.Count == 0)
            {
                return written;
            }
        }
    }

    /// <summary>Live customers the campaign asks, who agreed to be contacted by its channel and are not yet invited in this wave.</summary>
    private IQueryable<Customer> Audience(SurveyCampaign campaign, int wave)
    {
        var customers = db.Customers.AsNoTracking().Where(c => c.ErasedAt == null && c.MergedIntoId == null);
        if (campaign.Segment is { } segment)
        {
            customers = customers.Where(c => c.Segment == segment);
        }
        else
        {
            var ids = campaign.CustomerIds;
            customers = customers.Where(c => ids.Contains(c.Id));
        }

        customers = campaign.Channel switch
        {
            Channel.Email => customers.Where(c => c.Consent.ContactByEmail),
            Channel.Phone or Channel.Sms => customers.Where(c => c.Consent.ContactByPhone),
            _ => customers,
        };
        var campaignId = campaign.Id;
        return customers.Where(c => !db.SurveyInvitations.Any(i => i.CampaignId == campaignId && i.Wave == wave && i.CustomerId == c.Id));
    }
}
