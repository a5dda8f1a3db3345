using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints.Queries.GetComplaintImport;
using CustomerCare.Domain.Imports;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.ImportComplaints;

/// <summary>
/// A partner's file of complaints (NDJSON or CSV), read once here so that a file that cannot be read at all (no header,
/// an unknown column, too many rows, no rows) is refused at once; otherwise it becomes an import job that the runner
/// works through in the background, a batch at a time (<see cref="RunComplaintImport.RunComplaintImportCommand"/>).
/// </summary>
public sealed record ImportComplaintsCommand(ComplaintImportFormat Format, string File, IReadOnlyList<ImportRow> Rows) : ICommand<ComplaintImportDto>;

public sealed class ImportComplaintsCommandHandler(
    IApplicationDbContext db, ICurrentUser user, IComplaintImportRunner runner, IMapper mapper, TimeProvider time)
    : ICommandHandler<ImportComplaintsCommand, ComplaintImportDto>
{
    public async ValueTask<ComplaintImportDto> Handle(ImportComplaintsCommand command, CancellationToken cancellationToken)
    {
        var job = ComplaintImport.Queue(user.Id!.Value, command.Format, command.File, command.Rows.Count, time.GetUtcNow());
        db.ComplaintImports.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        db.AfterCommit(runner.Wake); // woken earlier, the runner would not find the job yet
        return mapper.Map<ComplaintImportDto>(job);
    }
}
