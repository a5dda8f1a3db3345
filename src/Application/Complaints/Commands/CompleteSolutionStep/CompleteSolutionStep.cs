using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.CompleteSolutionStep;

/// <summary>Marks step <c>number</c> (from 1) of the proposed solution done, with who and when; an unknown step is 404.</summary>
public sealed record CompleteSolutionStepCommand(Guid Id, int Number, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class CompleteSolutionStepCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<CompleteSolutionStepCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(CompleteSolutionStepCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        if (complaint.Solution is { } solution && command.Number > solution.Steps.Count)
        {
            throw new NotFoundException("Solution step", command.Number);
        }

        complaint.CompleteSolutionStep(command.Number, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
