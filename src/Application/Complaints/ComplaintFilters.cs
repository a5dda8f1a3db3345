using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Complaints.Queries.ListComplaints;
using CustomerCare.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints;

/// <summary>The list's filters (status, category, …, <c>sla</c>, <c>q</c>), shared by the page and the ledger export.</summary>
public static class ComplaintFilters
{
    public static IQueryable<Complaint> Apply(IQueryable<Complaint> complaints, ListComplaintsQuery q, DateTimeOffset now)
    {
        if (q.Status is { } status) complaints = complaints.Where(c => c.Status == status);
        if (q.Category is { } category) complaints = complaints.Where(c => c.Category == category);
        if (q.Severity is { } severity) complaints = complaints.Where(c => c.Severity == severity);
        if (q.Channel is { } channel) complaints = complaints.Where(c => c.Channel == channel);
        if (q.DepartmentId is { } department) complaints = complaints.Where(c => c.ResponsibleDepartmentId == department);
        if (q.AssigneeId is { } assignee) complaints = complaints.Where(c => c.AssigneeId == assignee);
        if (q.EscalationLevel is { } level) complaints = complaints.Where(c => c.EscalationLevel == level);
        if (q.KeyCustomer is { } key) complaints = complaints.Where(c => c.KeyCustomer == key);
        if (q.FirstResponderId is { } responder) complaints = complaints.Where(c => c.FirstResponderId == responder);
        if (q.CustomerId is { } customer) complaints = complaints.Where(c => c.CustomerId == customer);
        if (q.PartnerId is { } partner) complaints = complaints.Where(c => c.PartnerId == partner);
        if (q.ReceivedFrom is { } from) complaints = complaints.Where(c => c.ReceivedAt >= from);
        if (q.ReceivedTo is { } to) complaints = complaints.Where(c => c.ReceivedAt < to);
        if (q.CreatedFrom is { } createdFrom) complaints = complaints.Where(c => c.CreatedAt >= createdFrom);
        if (q.CreatedTo is { } createdTo) complaints = complaints.Where(c => c.CreatedAt < createdTo);
        if (q.Sla is { } sla)
        {
            complaints = sla == SlaFilter.Breached
                ? complaints.Where(c => c.Status != ComplaintStatus.Closed
                    && (c.SlaClocks.Any(k => k.MetAt == null && k.PausedAt == null && k.DueAt <= now) || c.NextStepDueAt <= now))
                : complaints.Where(c => c.Status != ComplaintStatus.Closed && c.SlaClocks.Any(k => k.MetAt == null && k.PausedAt == null && k.AtRiskFrom <= now && k.DueAt > now));
        }

        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            // A search is planned for its own text each time (how rare it is decides the plan), from one statement text
            // that EF Core translates once and the connections prepare.
            complaints = complaints.TagWith(QueryTags.PlanEachTime);
            var search = SearchTerms.Of(q.Q);
            if (search.Grams is { } grams)
            {
                // Numbers and two-character CJK words: the search grams' index narrows the rows, and a plain substring
                // test on the few rows left keeps the matches exact. strpos (IndexOf), not LIKE (Contains): PostgreSQL
                // estimates a LIKE by running it over the statistics of the trigram indexes' expressions (~10 ms of
                // planning for the three columns), and the trigram indexes have nothing to add here.
                var text = search.Text!;
                return complaints.Where(c => ComplaintGramSearch.Contains(c.Number, c.Title, c.Description, grams)
                    && (c.Number.ToLower().IndexOf(text) >= 0 || c.Title.ToLower().IndexOf(text) >= 0 || c.Description.ToLower().IndexOf(text) >= 0));
            }

            // lower(...) LIKE '%…%' is served by the trigram indexes of the migration. A text without case (Chinese, digits,
            // punctuation) is looked for in the columns as they are first (SearchTerms.CaselessPattern): the same rows, and
            // PostgreSQL, testing the cheaper condition first, lowers only the texts that hold it.
            var pattern = search.Pattern!;
            if (search.CaselessPattern is { } caseless)
            {
                complaints = complaints.Where(c => EF.Functions.Like(c.Number, caseless, Like.Escape)
                    || EF.Functions.Like(c.Title, caseless, Like.Escape) || EF.Functions.Like(c.Description, caseless, Like.Escape));
            }

            complaints = complaints.Where(c => EF.Functions.Like(c.Number.ToLower(), pattern, Like.Escape)
                || EF.Functions.Like(c.Title.ToLower(), pattern, Like.Escape)
                || EF.Functions.Like(c.Description.ToLower(), pattern, Like.Escape));
        }

        return complaints;
    }
}

/// <summary>
/// What a search text becomes in the statement: the search grams of its numbers or of its two-character CJK words
/// (<see cref="ComplaintGramSearch.Grams"/>) and its lower-case text for the substring test, or else a <c>LIKE</c> pattern
/// for the trigram indexes. Exactly one of the two is set. <see cref="CaselessPattern"/> is the pattern again when the
/// text has no case (<see cref="ComplaintGramSearch.IsCaseless"/>): a column holds it as it is exactly when its lower case
/// does, so the statement tests the columns themselves before lowering them. Walking a common Chinese phrase newest first,
/// lowering every text passed cost PostgreSQL more than half of the walk (0.46–0.55 against 0.20–0.24 ms a page of
/// fifty matches in a tenth of 20,000 complaints).
/// </summary>
public sealed record SearchTerms(string? Grams, string? Text, string? Pattern, string? CaselessPattern = null)
{
    /// <summary>
    /// The one gram of a search whose grams are a single CJK bigram (a two-character word, 宽带, 北安: digits make grams
    /// of four), or null: such a search may read the word's postings newest first (<see cref="ComplaintSearchPosting"/>).
    /// </summary>
    public string? Word => Grams is { Length: 2 } gram ? gram : null;

    /// <summary>
    /// The text a search for <paramref name="word"/> must still test its postings' complaints for, or null when the text is
    /// the word itself: then a posting is a match (<c>CompiledComplaintLists</c>' word shapes).
    /// </summary>
    public string? TextBeyond(string word) => Text == word ? null : Text;

    public static SearchTerms Of(string q)
    {
        if (ComplaintGramSearch.Grams(q) is { } grams)
        {
            return new SearchTerms(grams, q.Trim().ToLowerInvariant(), null);
        }

        var pattern = Like.Contains(q);
        return new SearchTerms(null, null, pattern, ComplaintGramSearch.IsCaseless(q) ? pattern : null);
    }
}
