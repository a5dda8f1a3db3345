namespace CustomerCare.Application.Complaints;

/// <summary>
/// One CJK bigram of a complaint's number, title and description, with when the complaint was received: the postings of a
/// two-character word (宽带, 退款, a shop's name), kept in the order a search lists them, newest first. PostgreSQL writes
/// them (triggers on <c>complaints</c>: as complaints are inserted, by statement, so an import's <c>COPY</c> too; as their
/// texts change, as an erasure changes them), and nothing in the application does: a search reads
/// them (<see cref="Queries.ListComplaints.CompiledComplaintLists"/>). A word's page is then its fifty newest postings
/// and the fifty complaints they name, however many complaints hold the word, where the search grams' GIN index hands
/// over all of them, unordered, to be read and sorted (ADR 0028).
/// </summary>
public sealed class ComplaintSearchPosting
{
    private ComplaintSearchPosting()
    {
        Gram = string.Empty;
    }

    public string Gram { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public Guid ComplaintId { get; private set; }
}
