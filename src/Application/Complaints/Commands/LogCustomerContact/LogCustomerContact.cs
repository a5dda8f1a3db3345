using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.LogCustomerContact;

/// <summary>A contact with the customer.</summary>
public sealed record LogCustomerContactInput(
    Channel? Channel,
    ContactDirection? Direction,
    string Summary);

public sealed record LogCustomerContactCommand(Guid Id, LogCustomerContactInput Input, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class LogCustomerContactCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<LogCustomerContactCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(LogCustomerContactCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        complaint.LogContact(command.Input.Channel!.Value, command.Input.Direction!.Value, command.Input.Summary, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
