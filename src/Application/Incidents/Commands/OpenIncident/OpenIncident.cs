using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints;
using CustomerCare.Application.Incidents.Queries.GetIncident;
using CustomerCare.Domain.Incidents;
using Mediator;

namespace CustomerCare.Application.Incidents.Commands.OpenIncident;

/// <summary>
/// A mass fault: what failed (<c>title</c>, <c>description</c>), the cause code it comes under, what it affects
/// (<c>product</c>, <c>region</c>) and when it started (default: now).
/// </summary>
public sealed record OpenIncidentInput(string Title, string? Description, string Cause, string? Product, string? Region, DateTimeOffset? StartedAt);

public sealed record OpenIncidentCommand(OpenIncidentInput Input) : ICommand<IncidentDto>;

public sealed class OpenIncidentCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<OpenIncidentCommand, IncidentDto>
{
    /// <summary>How far ahead of the server's clock a start may lie (clocks of callers differ a little).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async ValueTask<IncidentDto> Handle(OpenIncidentCommand command, CancellationToken cancellationToken)
    {
        var input = command.Input;
        var now = time.GetUtcNow();
        if (input.StartedAt > now + ClockSkew)
        {
            throw new ValidationException("startedAt", "An incident is opened for a fault that has started: 'startedAt' lies in the future.");
        }

        await ClassificationRules.EnsureActiveCauseAsync(db, input.Cause, "cause", cancellationToken);
        var incident = Incident.Open(new NewIncident(input.Title, input.Description, input.Cause, input.Product, input.Region, input.StartedAt ?? now), user.Id, now);
        db.Incidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<IncidentDto>(incident);
    }
}
