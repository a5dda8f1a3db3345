using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.ReplyToComplaint;

/// <summary>A reply to the customer: shown as a public timeline entry and sent to them by their channel (notes stay internal).</summary>
public sealed record ReplyToComplaintInput(
    string Text);

public sealed record ReplyToComplaintCommand(Guid Id, ReplyToComplaintInput Input, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class ReplyToComplaintCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<ReplyToComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ReplyToComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        complaint.Reply(command.Input.Text, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
