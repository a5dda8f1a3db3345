using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Complaints;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.RecordCustomerResponse;

/// <summary>The customer's answer to the proposed solution.</summary>
public sealed record RecordCustomerResponseInput(
    bool? Accepted,
    string? Comment,
    string? RecourseOffered);

public sealed record RecordCustomerResponseCommand(Guid Id, RecordCustomerResponseInput Input, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class RecordCustomerResponseCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<RecordCustomerResponseCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(RecordCustomerResponseCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        var now = time.GetUtcNow();
        complaint.RecordCustomerResponse(new CustomerResponse(command.Input.Accepted!.Value, command.Input.Comment, command.Input.RecourseOffered, now), user.Actor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
