using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Domain.Imports;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Complaints.Commands.RecordFailedImportTurn;

/// <summary>
/// The import runner's turn on a job ended in an unexpected error (the batch it was saving is gone): the job is held
/// for a lease and then tried again from its last saved batch, or abandoned once <c>CustomerCare:Import:MaxFailedTurns</c>
/// turns in a row have failed. Answers the job's status; nothing when it is gone or finished already.
/// </summary>
public sealed record RecordFailedImportTurnCommand(Guid Id) : ICommand<ComplaintImportStatus?>;

public sealed class RecordFailedImportTurnCommandHandler(IApplicationDbContext db, IOptions<ImportOptions> options, TimeProvider time)
    : ICommandHandler<RecordFailedImportTurnCommand, ComplaintImportStatus?>
{
    public async ValueTask<ComplaintImportStatus?> Handle(RecordFailedImportTurnCommand command, CancellationToken cancellationToken)
    {
        var job = await db.ComplaintImports.SingleOrDefaultAsync(i => i.Id == command.Id, cancellationToken);
        if (job is null || job.IsFinished)
        {
            return job?.Status;
        }

        job.RecordFailedTurn(options.Value.MaxFailedTurns, time.GetUtcNow(), options.Value.Lease);
        await db.SaveChangesAsync(cancellationToken);
        return job.Status;
    }
}
