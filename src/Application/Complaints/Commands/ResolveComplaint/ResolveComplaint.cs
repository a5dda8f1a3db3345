using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Complaints;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.ResolveComplaint;

public sealed record ResolveComplaintCommand(
    Guid Id, string Outcome, decimal? CompensationAmount, string? CompensationCurrency, string? CompensationDescription, uint? ExpectedVersion)
    : ICommand<ComplaintDto>;

public sealed class ResolveComplaintCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<ResolveComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ResolveComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        var now = time.GetUtcNow();
        complaint.Resolve(new Resolution(command.Outcome, command.CompensationAmount, command.CompensationCurrency, command.CompensationDescription, now),
            user.Actor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
