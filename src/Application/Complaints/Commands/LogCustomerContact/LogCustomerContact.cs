using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.LogCustomerContact;

public sealed record LogCustomerContactCommand(Guid Id, Channel Channel, ContactDirection Direction, string Summary, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class LogCustomerContactCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<LogCustomerContactCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(LogCustomerContactCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        complaint.LogContact(command.Channel, command.Direction, command.Summary, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
