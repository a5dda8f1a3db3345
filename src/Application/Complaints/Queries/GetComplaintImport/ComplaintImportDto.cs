using AutoMapper;
using CustomerCare.Domain.Imports;

namespace CustomerCare.Application.Complaints.Queries.GetComplaintImport;

/// <summary>
/// An import job: its state, how far it got (<c>rowsDone</c> of <c>totalRows</c>, with the outcomes counted so far) and
/// when it started and ended. The per-row report is at <c>GET /complaint-imports/{id}/rows</c>; it is complete once
/// the status is <c>completed</c>.
/// </summary>
public sealed record ComplaintImportDto
{
    public Guid Id { get; init; }

    public ComplaintImportStatus Status { get; init; }

    public ComplaintImportFormat Format { get; init; }

    public int TotalRows { get; init; }

    public int RowsDone { get; init; }

    public int Created { get; init; }

    public int Duplicates { get; init; }

    public int Errors { get; init; }

    /// <summary>Why a failed job stopped.</summary>
    public string? Failure { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<ComplaintImport, ComplaintImportDto>();
    }
}

/// <summary>What became of one row of the file: <c>created</c> or <c>duplicate</c> (with the complaint), or <c>error</c> (with the field errors).</summary>
public sealed record ComplaintImportRowDto
{
    public int Line { get; init; }

    public string? ExternalReference { get; init; }

    public ImportRowStatus Status { get; init; }

    public Guid? ComplaintId { get; init; }

    public string? Number { get; init; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<ComplaintImportRow, ComplaintImportRowDto>();
    }
}
