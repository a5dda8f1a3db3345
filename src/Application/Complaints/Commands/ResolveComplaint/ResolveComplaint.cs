using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.ResolveComplaint;

/// <summary>The outcome once the accepted solution is carried out, and how the customer was told the result (<c>fedBackVia</c>).</summary>
public sealed record ResolveComplaintInput(
    string Outcome,
    decimal? CompensationAmount,
    string? CompensationCurrency,
    string? CompensationDescription,
    Channel? FedBackVia);

public sealed record ResolveComplaintCommand(Guid Id, ResolveComplaintInput Input, uint? ExpectedVersion)
    : ICommand<ComplaintDto>;

public sealed class ResolveComplaintCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<ResolveComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ResolveComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        var now = time.GetUtcNow();
        complaint.Resolve(new Resolution(command.Input.Outcome, command.Input.CompensationAmount, command.Input.CompensationCurrency, command.Input.CompensationDescription, now,
            command.Input.FedBackVia!.Value),
            user.Actor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
