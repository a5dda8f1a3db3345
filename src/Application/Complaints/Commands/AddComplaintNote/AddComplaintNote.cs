using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.AddComplaintNote;

/// <summary>An internal note.</summary>
public sealed record AddComplaintNoteInput(
    string Text);

public sealed record AddComplaintNoteCommand(Guid Id, AddComplaintNoteInput Input, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class AddComplaintNoteCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<AddComplaintNoteCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(AddComplaintNoteCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        complaint.AddNote(command.Input.Text, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
