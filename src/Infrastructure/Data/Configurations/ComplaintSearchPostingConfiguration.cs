using CustomerCare.Application.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCare.Infrastructure.Data.Configurations;

/// <summary>
/// The postings of the complaints' CJK bigrams (<see cref="ComplaintSearchPosting"/>): only their primary key matters,
/// (gram, received_at, complaint_id), walked backwards for a word's newest complaints. Written by PostgreSQL's triggers
/// on <c>complaints</c> (migration <c>ComplaintSearchPostings</c>), read by searches, never saved through EF Core. The gram
/// is compared in the "C" collation: bytes, as the trigram and gram indexes compare them, and without the locale's rules.
/// No foreign key: its check would cost a primary-key probe of <c>complaints</c> for each of a complaint's ~18 postings,
/// and a complaint is never deleted (its timeline's foreign key refuses it). No parallel workers for its scans
/// (<c>parallel_workers = 0</c>): a word's statement walks a page's worth of postings, and its plan is made once, without
/// knowing its <c>LIMIT</c> (PostgreSQL then assumes a tenth of the rows): that plan was a Gather Merge whose worker took
/// 20–30 ms to start for a page the backend alone reads in a few (ADR 0028).
/// </summary>
internal sealed class ComplaintSearchPostingConfiguration : IEntityTypeConfiguration<ComplaintSearchPosting>
{
    public void Configure(EntityTypeBuilder<ComplaintSearchPosting> builder)
    {
        builder.ToTable("complaint_search_postings");
        builder.HasStorageParameter("parallel_workers", 0);
        builder.HasKey(p => new { p.Gram, p.ReceivedAt, p.ComplaintId });
        builder.Property(p => p.Gram).HasMaxLength(2).UseCollation("C");
    }
}
