using System.Globalization;
using System.Text;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Domain.Complaints;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints.Queries.GetChangeFeed;

/// <summary>
/// Every timeline event of the complaints the caller may see, in commit order, from a cursor on. Each event carries
/// the transaction that wrote it; only events of transactions older than every transaction still running are
/// answered, so one committing late can never slip in behind a cursor already handed out.
/// </summary>
public sealed record GetChangeFeedQuery(string? After, int Limit = GetChangeFeedQuery.DefaultLimit) : IQuery<ChangeFeedPage>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}

public sealed record ChangeFeedPage(IReadOnlyList<ChangeFeedEventDto> Items, string Next, bool HasMore);

/// <summary>The columns (shadow properties of <see cref="TimelineEntry"/>) that place an event in the feed.</summary>
public static class ChangeFeedColumns
{
    /// <summary>The id of the transaction that appended the entry.</summary>
    public const string Transaction = "FeedTransaction";

    /// <summary>Insert order, breaking ties within a transaction.</summary>
    public const string Position = "FeedPosition";
}

/// <summary>Opaque to clients: <c>base64url("{transaction}.{position}")</c>.</summary>
public readonly record struct ChangeFeedCursor(long Transaction, long Position)
{
    /// <summary>Longest cursor text accepted (the ones handed out are shorter).</summary>
    public const int MaxLength = 64;

    public static readonly ChangeFeedCursor Start = new(0, 0);

    public override string ToString() =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Transaction}.{Position}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryParse(string? text, out ChangeFeedCursor cursor)
    {
        cursor = Start;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length > MaxLength)
        {
            return false;
        }

        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            var decoded = Encoding.ASCII.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            var parts = decoded.Split('.');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var transaction)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                cursor = new ChangeFeedCursor(transaction, position);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}

public sealed class GetChangeFeedQueryHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetChangeFeedQuery, ChangeFeedPage>
{
    public async ValueTask<ChangeFeedPage> Handle(GetChangeFeedQuery query, CancellationToken cancellationToken)
    {
        ChangeFeedCursor.TryParse(query.After, out var after);
        // Taken before the read: every transaction below it had ended by then, so the read sees all of theirs.
        var horizon = await db.ChangeFeedHorizonAsync(cancellationToken);
        var visible = await db.VisibleAsync(user, cancellationToken);
        var publicOnly = user.ReadsPublicOnly();
        var timeline = db.ComplaintTimeline.AsNoTracking();
        if (publicOnly)
        {
            // Internal events are left out, not blanked: the cursor still moves past them, since the page ends where the read did.
            var kinds = TimelineVisibilities.PublicKinds.ToList();
            timeline = timeline.Where(t => kinds.Contains(t.Kind));
        }

        var rows = await timeline
            .Where(t => EF.Property<long>(t, ChangeFeedColumns.Transaction) < horizon
                && (EF.Property<long>(t, ChangeFeedColumns.Transaction) > after.Transaction
                    || (EF.Property<long>(t, ChangeFeedColumns.Transaction) == after.Transaction && EF.Property<long>(t, ChangeFeedColumns.Position) > after.Position)))
            .Join(visible, t => t.ComplaintId, c => c.Id, (t, c) => new
            {
                Transaction = EF.Property<long>(t, ChangeFeedColumns.Transaction),
                Position = EF.Property<long>(t, ChangeFeedColumns.Position),
                t.Id, t.ComplaintId, c.Number, c.ExternalReference, t.Sequence, t.At, t.Kind, t.ActorKind, t.ActorId, t.FromStatus, t.ToStatus, t.Text,
            })
            .OrderBy(r => r.Transaction).ThenBy(r => r.Position)
            .Take(query.Limit + 1)
            .ToListAsync(cancellationToken);

        var items = rows.Take(query.Limit).Select(r => new ChangeFeedEventDto(
            new ChangeFeedCursor(r.Transaction, r.Position).ToString(), r.Id, r.ComplaintId, r.Number, r.ExternalReference, r.Sequence, r.At,
            r.Kind, TimelineVisibilities.Of(r.Kind), r.ActorKind,
            publicOnly ? TimelineVisibilities.PublicActorId(r.ActorKind, r.ActorId) : r.ActorId, r.FromStatus, r.ToStatus,
            publicOnly ? TimelineVisibilities.PublicText(r.Kind, r.Text) : r.Text)).ToList();
        return new ChangeFeedPage(items, items.Count > 0 ? items[^1].Cursor : after.ToString(), rows.Count > query.Limit);
    }
}
