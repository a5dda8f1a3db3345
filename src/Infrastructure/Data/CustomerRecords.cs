using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Infrastructure.Data;

internal sealed class CustomerRecords(CustomerCareDbContext db, IIdempotencyStore idempotency) : ICustomerRecords
{
    public const string Redacted = "(redacted: the customer's personal data was erased)";

    public async Task MoveRecordsAsync(Guid fromCustomerId, Guid toCustomerId, CancellationToken cancellationToken)
    {
        await db.Complaints.Where(c => c.CustomerId == fromCustomerId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, toCustomerId), cancellationToken);
        await db.Feedback.Where(f => f.CustomerId == fromCustomerId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.CustomerId, toCustomerId), cancellationToken);
        await db.CareTasks.Where(t => t.CustomerId == fromCustomerId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.CustomerId, toCustomerId), cancellationToken);

        await db.SurveyInvitations.Where(i => i.CustomerId == fromCustomerId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, toCustomerId), cancellationToken);
    }

    public async Task RedactAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await db.Feedback.Where(f => f.CustomerId == customerId).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.Subject, "Feedback of an erased customer")
            .SetProperty(f => f.Text, Redacted)
            .SetProperty(f => f.Answer, f => f.Answer == null ? null : Redacted), cancellationToken);
        await db.SurveyAnswers.Where(a => a.Text != null && db.SurveyInvitations.Any(i => i.Id == a.InvitationId && i.CustomerId == customerId))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, Redacted), cancellationToken);
        await db.CareTasks.Where(t => t.CustomerId == customerId).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Notes, t => t.Notes == null ? null : Redacted)
            .SetProperty(t => t.Outcome, t => t.Outcome == null ? null : Redacted), cancellationToken);

        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE complaints SET
                title = 'Complaint of an erased customer',
                description = {1},
                remedy_sought = NULL,
                location = NULL,
                customer_response = jsonb_set(customer_response, '{{Comment}}', 'null'),
                closing = jsonb_set(closing, '{{Comment}}', 'null')
            WHERE customer_id = {0}
            """,
            [customerId, Redacted],
            cancellationToken);

        // The timeline refuses changes, except this one: while customercare.erasing is on (for this transaction
        // only), the text of an entry may be redacted and nothing else about it may change.
        await db.Database.ExecuteSqlRawAsync("SELECT set_config('customercare.erasing', 'on', true)", cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE complaint_timeline SET text = {1}
            WHERE complaint_id IN (SELECT id FROM complaints WHERE customer_id = {0})
              AND kind IN ({2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}) AND text IS NOT NULL
            """,
            [customerId, Redacted,
                nameof(TimelineEntryKind.ContactLogged), nameof(TimelineEntryKind.NoteAdded), nameof(TimelineEntryKind.SolutionAccepted),
                nameof(TimelineEntryKind.SolutionRejected), nameof(TimelineEntryKind.Closed), nameof(TimelineEntryKind.Investigated),
                nameof(TimelineEntryKind.ReturnedToQueue), nameof(TimelineEntryKind.SolutionSentBack), nameof(TimelineEntryKind.AttachmentRemoved)],
            cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT set_config('customercare.erasing', 'off', true)", cancellationToken);

        // Responses kept for idempotent replays may repeat what the customer wrote (a complaint's description): those
        // that name the customer or any of their records answer 410 from now on.
        var subjects = new List<Guid> { customerId };
        subjects.AddRange(await db.Complaints.Where(c => c.CustomerId == customerId).Select(c => c.Id).ToListAsync(cancellationToken));
        subjects.AddRange(await db.Feedback.Where(f => f.CustomerId == customerId).Select(f => f.Id).ToListAsync(cancellationToken));
        subjects.AddRange(await db.CareTasks.Where(t => t.CustomerId == customerId).Select(t => t.Id).ToListAsync(cancellationToken));
        await idempotency.EraseResponsesNamingAsync(subjects, cancellationToken);
    }
}
