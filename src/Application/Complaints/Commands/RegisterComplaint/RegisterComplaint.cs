using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Complaints.Commands.RegisterComplaint;

/// <summary>
/// Classify a received complaint and record what the customer was told (<c>customerInformed</c>: by which channel,
/// whether we apologised, by when we promised an answer; <c>customerAcknowledged: true</c> only says that they were
/// told). The caller becomes first responder if nobody is yet; the category routes it to its department if none is
/// responsible; earlier complaints of the same customer and category within the repeat window make it a repeat.
/// </summary>
public sealed record RegisterComplaintInput(
    string Category,
    Severity? Severity,
    bool? CustomerAcknowledged,
    CustomerInformedInput? CustomerInformed = null,
    ImpactScope? Scope = null);

/// <summary>What the customer was told at registration: the channel, whether we apologised, the time we promised an answer by.</summary>
public sealed record CustomerInformedInput(Channel? Via, bool? Apologised, DateTimeOffset? PromisedBy);

public sealed record RegisterComplaintCommand(Guid Id, RegisterComplaintInput Input, uint? ExpectedVersion)
    : ICommand<ComplaintDto>;

public sealed class RegisterComplaintCommandHandler(
    IApplicationDbContext db, ICurrentUser user, IMapper mapper, IOptions<ComplaintOptions> options, TimeProvider time)
    : ICommandHandler<RegisterComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(RegisterComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);

        var routedTo = await ClassificationRules.RoutingOfActiveCategoryAsync(db, command.Input.Category, "category", cancellationToken);

        var since = complaint.ReceivedAt - options.Value.RepeatWindow;
        var earlier = db.Complaints.Where(c => c.CustomerId == complaint.CustomerId && c.Category == command.Input.Category
            && c.Id != complaint.Id && c.ReceivedAt >= since && c.ReceivedAt <= complaint.ReceivedAt);
        var repeat = new RepeatInfo(
            await earlier.OrderByDescending(c => c.ReceivedAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken),
            await earlier.CountAsync(cancellationToken));

        var notice = command.Input.CustomerInformed is { } told
            ? new CustomerNotice(told.Via!.Value, told.Apologised ?? false, told.PromisedBy)
            : null;
        complaint.Register(command.Input.Category, command.Input.Severity!.Value, (command.Input.CustomerAcknowledged ?? false), routedTo, repeat, user.Actor(), time.GetUtcNow(),
            notice, command.Input.Scope);
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
