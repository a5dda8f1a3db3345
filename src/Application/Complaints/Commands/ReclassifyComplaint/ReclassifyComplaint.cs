using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using Mediator;
using CustomerCare.Domain.Complaints;

namespace CustomerCare.Application.Complaints.Commands.ReclassifyComplaint;

/// <summary>Changes category and/or severity after registration; the clocks not yet met follow the new severity.</summary>
public sealed record ReclassifyComplaintCommand(Guid Id, string Category, Severity Severity, string Reason, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class ReclassifyComplaintCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<ReclassifyComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ReclassifyComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        complaint.Reclassify(command.Category, command.Severity, command.Reason, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
