using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints.Commands.RequestStatusCode;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Sla;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints.Commands.LookUpComplaintStatus;

/// <summary>The number and contact of the code request, and the code received.</summary>
public sealed record StatusLookupInput(
    string Number,
    string Contact,
    string Code);

/// <summary>What a customer sees of their complaint: where it stands, what happened publicly, and what was promised when.</summary>
public sealed record PublicComplaintStatusDto(
    string Number, string Title, ComplaintStatus Status, DateTimeOffset ReceivedAt, IReadOnlyList<PromisedTimeDto> PromisedTimes,
    IReadOnlyList<TimelineEntryDto> Timeline);

/// <summary>A service-level promise: by when, and when it was kept.</summary>
public sealed record PromisedTimeDto(SlaMilestone Milestone, DateTimeOffset DueAt, DateTimeOffset? MetAt);

public sealed record LookUpComplaintStatusCommand(StatusLookupInput Input) : ICommand<PublicComplaintStatusDto>;

/// <summary>
/// Opens the complaint with the one-time code (used up by this). A wrong, expired or used code — or a number and contact
/// that never matched — gets the same 400; after <see cref="MaxFailuresPerHour"/> failures in an hour for a number or an
/// address, 429.
/// </summary>
public sealed class LookUpComplaintStatusCommandHandler(IApplicationDbContext db, IContactNormaliser normaliser, IPersonalDataIndex index, IMapper mapper, TimeProvider time)
    : ICommandHandler<LookUpComplaintStatusCommand, PublicComplaintStatusDto>
{
    public const int MaxFailuresPerHour = 10;

    public async ValueTask<PublicComplaintStatusDto> Handle(LookUpComplaintStatusCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var number = command.Input.Number.Trim().ToUpperInvariant();
        var (kind, contact) = StatusLookupContact.Normalise(normaliser, command.Input.Contact);
        var contactKey = index.ContactKey(kind, contact ?? command.Input.Contact.Trim());
        var since = now.AddHours(-1);
        var failures = await db.StatusLookups.Where(l => l.CreatedAt > since && (l.NumberKey == number || l.ContactKey == contactKey))
            .SumAsync(l => l.FailedAttempts, cancellationToken);
        if (failures >= MaxFailuresPerHour)
        {
            throw new TooManyRequestsException(TimeSpan.FromHours(1), "Too many wrong codes for this complaint or address. Try again later.");
        }

        var lookup = await db.StatusLookups.Where(l => l.NumberKey == number && l.ContactKey == contactKey && l.CreatedAt > since)
            .OrderByDescending(l => l.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (lookup is null || !lookup.Accept(command.Input.Code.Trim(), now) || lookup.ComplaintId is not { } complaintId)
        {
            await db.SaveChangesAsync(cancellationToken); // the failure counts
            throw new ValidationException("code", "The code is not valid, or it expired or was used: ask for a new one.");
        }

        await db.SaveChangesAsync(cancellationToken);
        var complaint = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == complaintId, cancellationToken);
        var kinds = TimelineVisibilities.PublicKinds.ToList();
        var timeline = (await db.ComplaintTimeline.AsNoTracking().Where(e => e.ComplaintId == complaintId && kinds.Contains(e.Kind))
                .OrderBy(e => e.Sequence).ToListAsync(cancellationToken))
            .Select(e => mapper.Map<TimelineEntryDto>(e).ForPublic()).ToList();
        timeline = await db.WithCustomerInformedAsync(complaintId, timeline, cancellationToken);
        return new PublicComplaintStatusDto(complaint.Number, complaint.Title, complaint.Status, complaint.ReceivedAt,
            complaint.SlaClocks.Where(c => c.Milestone is SlaMilestone.FirstContact or SlaMilestone.SolutionProposed or SlaMilestone.ResultFedBack or SlaMilestone.Resolution)
                .OrderBy(c => c.DueAt).Select(c => new PromisedTimeDto(c.Milestone, c.DueAt, c.MetAt)).ToList(),
            timeline);
    }
}
