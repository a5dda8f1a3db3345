using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.ApproveSolution;

/// <summary>A supervisor (or above) approves the solution submitted for a major complaint: it is proposed to the customer.</summary>
public sealed record ApproveSolutionCommand(Guid Id, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class ApproveSolutionCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<ApproveSolutionCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ApproveSolutionCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        SolutionReview.EnsureMayReview(user);
        complaint.ApproveSolution(user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
