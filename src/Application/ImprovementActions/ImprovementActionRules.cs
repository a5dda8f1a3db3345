using CustomerCare.Application.CareTasks;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints;
using CustomerCare.Domain.ImprovementActions;
using CustomerCare.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.ImprovementActions;

/// <summary>
/// What an improvement action is planned as, as callers send it (create and re-plan): the plan, and what it is traced
/// to — links are added, never removed (they are the record of why it exists).
/// </summary>
public sealed record ImprovementActionInput(
    string Title, string? Description, Guid? OwnerId, Guid? DepartmentId, DateOnly? DueOn, string? Category, string? Cause,
    IReadOnlyList<Guid>? ComplaintIds, IReadOnlyList<Guid>? FeedbackIds, IReadOnlyList<Guid>? SurveyIds, IReadOnlyList<Guid>? IncidentIds);

internal static class ImprovementActionRules
{
    /// <summary>Checks every reference of the input (400 naming the field) and returns the plan and the links it names.</summary>
    public static async Task<(ImprovementPlan Plan, List<ImprovementLink> Links)> ResolveAsync(
        IApplicationDbContext db, ICurrentUser user, ImprovementActionInput input, CancellationToken ct)
    {
        await db.EnsureOwnerAsync(input.OwnerId, ct);
        if (input.DepartmentId is { } department && !await db.Departments.AnyAsync(d => d.Id == department, ct))
        {
            throw new ValidationException("departmentId", "No department has this id.");
        }

        if (input.Category is { } category && !await db.ComplaintCategories.AnyAsync(c => c.Code == category, ct))
        {
            throw new ValidationException("category", "No category has this code.");
        }

        if (input.Cause is { } cause && !await db.ComplaintCauses.AnyAsync(c => c.Code == cause, ct))
        {
            throw new ValidationException("cause", "No cause has this code.");
        }

        var links = new List<ImprovementLink>();
        var complaints = Distinct(input.ComplaintIds);
        var visible = await db.VisibleAsync(user, ct);
        await EnsureAllAsync("complaintIds", complaints, visible.Where(c => complaints.Contains(c.Id)).Select(c => c.Id), ct);
        var feedback = Distinct(input.FeedbackIds);
        await EnsureAllAsync("feedbackIds", feedback, db.Feedback.Where(f => feedback.Contains(f.Id)).Select(f => f.Id), ct);
        var surveys = Distinct(input.SurveyIds);
        await EnsureAllAsync("surveyIds", surveys, db.SurveyCampaigns.Where(s => surveys.Contains(s.Id)).Select(s => s.Id), ct);
        var incidents = Distinct(input.IncidentIds);
        await EnsureAllAsync("incidentIds", incidents, db.Incidents.Where(i => incidents.Contains(i.Id)).Select(i => i.Id), ct);
        links.AddRange(complaints.Select(id => new ImprovementLink(ImprovementLinkKind.Complaint, id)));
        links.AddRange(feedback.Select(id => new ImprovementLink(ImprovementLinkKind.Feedback, id)));
        links.AddRange(surveys.Select(id => new ImprovementLink(ImprovementLinkKind.Survey, id)));
        links.AddRange(incidents.Select(id => new ImprovementLink(ImprovementLinkKind.Incident, id)));
        return (new ImprovementPlan(input.Title, input.Description, input.OwnerId, input.DepartmentId, input.DueOn!.Value, input.Category, input.Cause), links);
    }

    /// <summary>The owner moves their action on; supervisors, managers and administrators move any.</summary>
    public static void EnsureMayProgress(ICurrentUser user, ImprovementAction action)
    {
        if (action.OwnerId != user.Id && EscalationAuthority.RankOf(user) < 1)
        {
            throw new ForbiddenException("Only the action's owner, or a supervisor, manager or administrator, moves it on.");
        }
    }

    /// <summary>Loads an action for a change made against the version the caller read.</summary>
    public static async Task<ImprovementAction> LoadForChangeAsync(this IApplicationDbContext db, Guid id, uint? expectedVersion, CancellationToken ct)
    {
        var action = await db.ImprovementActions.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Improvement action", id);
        db.ExpectVersion(action, expectedVersion ?? throw new PreconditionRequiredException("improvement action"));
        return action;
    }

    /// <summary>Today in the business calendar's time zone (what "overdue" is measured against).</summary>
    public static async Task<DateOnly> TodayAsync(this ISlaScheduleProvider schedules, TimeProvider time, CancellationToken ct) =>
        (await schedules.GetCurrentAsync(ct)).Calendar.DateOf(time.GetUtcNow());

    private static List<Guid> Distinct(IReadOnlyList<Guid>? ids) => ids?.Distinct().ToList() ?? [];

    private static async Task EnsureAllAsync(string field, List<Guid> wanted, IQueryable<Guid> found, CancellationToken ct)
    {
        if (wanted.Count == 0)
        {
            return;
        }

        var missing = wanted.Except(await found.ToListAsync(ct)).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationException(field, $"Not found: {string.Join(", ", missing)}.");
        }
    }
}
