using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints.Commands.ReceiveComplaint;

/// <summary>
/// A complaint arrives (status received), from staff or a partner system. The customer is named by id, or
/// given inline and matched to an existing customer by phone or e-mail. A partner sending an external
/// reference it already used gets that complaint back instead of a duplicate.
/// </summary>
/// <summary>A complaint as staff or a partner sends it: the customer by id, or inline (matched by phone or e-mail, else created).</summary>
public sealed record ReceiveComplaintInput(
    Channel? Channel,
    Guid? CustomerId,
    InlineCustomer? Customer,
    string Title,
    string Description,
    string? RemedySought,
    DateTimeOffset? OccurredAt,
    string? Category,
    Severity? Severity,
    string? ExternalReference,
    string? Product = null,
    string? Location = null,
    ImpactScope? Scope = null);

public sealed record ReceiveComplaintCommand(ReceiveComplaintInput Input) : ICommand<ReceivedComplaint>;

/// <summary>A customer given with the complaint: matched by phone or e-mail, else created.</summary>
public sealed record InlineCustomer(string Name, string? Phone, string? Email);

public sealed record ReceivedComplaint(ComplaintDto Complaint, bool Created);

public sealed class ReceiveComplaintCommandHandler(ComplaintIntake intake, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<ReceiveComplaintCommand, ReceivedComplaint>
{
    public async ValueTask<ReceivedComplaint> Handle(ReceiveComplaintCommand command, CancellationToken cancellationToken)
    {
        if (await intake.ExistingAsync(command.Input.ExternalReference, cancellationToken) is { } existing)
        {
            return new ReceivedComplaint(ComplaintDto.For(mapper, existing, user, time.GetUtcNow()), Created: false);
        }

        var complaint = await intake.StageAsync(command, batch: null, cancellationToken);
        try
        {
            await intake.SaveAsync(cancellationToken);
        }
        catch (DbUpdateException) when (intake.PartnerId is not null && ComplaintIntake.Reference(command.Input.ExternalReference) is not null)
        {
            // The same reference arrived twice at once and the other request won the unique index: answer with its complaint.
            intake.Discard();
            var winner = await intake.ExistingAsync(command.Input.ExternalReference, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return new ReceivedComplaint(ComplaintDto.For(mapper, winner, user, time.GetUtcNow()), Created: false);
        }

        return new ReceivedComplaint(ComplaintDto.For(mapper, complaint, user, time.GetUtcNow()), Created: true);
    }
}
