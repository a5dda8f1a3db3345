using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Complaints;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands.ReclassifyComplaint;

/// <summary>Changes category and/or severity after registration; the clocks not yet met follow the new severity.</summary>
/// <summary>A new category and/or severity, with a reason.</summary>
public sealed record ReclassifyComplaintInput(
    string Category,
    Severity? Severity,
    string Reason);

public sealed record ReclassifyComplaintCommand(Guid Id, ReclassifyComplaintInput Input, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class ReclassifyComplaintCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<ReclassifyComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ReclassifyComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        if (command.Input.Category != complaint.Category)
        {
            // A category retired since keeps the complaints that have it; a new one must be active.
            await ClassificationRules.RoutingOfActiveCategoryAsync(db, command.Input.Category, "category", cancellationToken);
        }

        complaint.Reclassify(command.Input.Category, command.Input.Severity!.Value, command.Input.Reason, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
