using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.SendBackSolution;

/// <summary>Why the solution goes back to the handler.</summary>
public sealed record SendBackSolutionInput(string Reason);

/// <summary>A supervisor (or above) sends the solution submitted for a major complaint back to the handler with a reason.</summary>
public sealed record SendBackSolutionCommand(Guid Id, SendBackSolutionInput Input, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class SendBackSolutionCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<SendBackSolutionCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(SendBackSolutionCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        SolutionReview.EnsureMayReview(user);
        complaint.SendBackSolution(command.Input.Reason, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
