using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.ProposeSolution;

public sealed record SolutionStepInput(string Description, Guid? OwnerId, DateTimeOffset? DueAt, bool? Done);

/// <summary>A solution with its steps, as communicated to the customer.</summary>
public sealed record ProposeSolutionInput(
    string Summary,
    IReadOnlyList<SolutionStepInput>? Steps,
    Channel? CommunicatedVia,
    DateTimeOffset? CommunicatedAt);

/// <summary>
/// Proposes the solution to the customer; for a major complaint proposed by someone below a supervisor, submits it for
/// a supervisor's approval instead (<c>pendingSolution</c>), and the customer hears of it once approved.
/// </summary>
public sealed record ProposeSolutionCommand(Guid Id, ProposeSolutionInput Input, uint? ExpectedVersion)
    : ICommand<ComplaintDto>;

public sealed class ProposeSolutionCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<ProposeSolutionCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ProposeSolutionCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        var now = time.GetUtcNow();
        var steps = (command.Input.Steps ?? []).Select(s => new SolutionStep(s.Description, s.OwnerId, s.DueAt, s.Done ?? false)).ToList();
        var solution = new ProposedSolution(command.Input.Summary, steps, command.Input.CommunicatedAt ?? now, command.Input.CommunicatedVia!.Value);
        if (complaint.Severity == Severity.Major && EscalationAuthority.RankOf(user) < 1)
        {
            // A major complaint's solution reaches the customer only once a supervisor approved it.
            complaint.SubmitSolutionForApproval(solution, user.Actor(), now);
        }
        else
        {
            complaint.ProposeSolution(solution, user.Actor(), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
