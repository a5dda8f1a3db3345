using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Complaints;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.RecordInvestigation;

public sealed record RecordInvestigationCommand(
    Guid Id, string Findings, string? RootCause, bool IsGenuine, IReadOnlyList<string>? Evidence, string? CorrectiveAction, uint? ExpectedVersion)
    : ICommand<ComplaintDto>;

public sealed class RecordInvestigationCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<RecordInvestigationCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(RecordInvestigationCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        complaint.Investigate(new Investigation(command.Findings, command.RootCause, command.IsGenuine, command.Evidence ?? [], command.CorrectiveAction),
            user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
