using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Security;
using CustomerCare.Application.Complaints.Queries.GetComplaint;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Complaints.Commands.RegisterComplaint;

/// <summary>
/// Classifies the complaint and confirms the customer was told how it will be handled. The caller becomes first
/// responder if nobody is yet; the category routes it to its department if none is responsible; earlier
/// complaints of the same customer and category within the repeat window make it a repeat.
/// </summary>
/// <summary>Classify a received complaint and confirm the customer was told.</summary>
public sealed record RegisterComplaintInput(
    string Category,
    Severity? Severity,
    bool? CustomerAcknowledged);

public sealed record RegisterComplaintCommand(Guid Id, RegisterComplaintInput Input, uint? ExpectedVersion)
    : ICommand<ComplaintDto>;

public sealed class RegisterComplaintCommandHandler(
    IApplicationDbContext db, ICurrentUser user, IMapper mapper, IOptions<ComplaintOptions> options, TimeProvider time)
    : ICommandHandler<RegisterComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(RegisterComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);

        var departmentCode = options.Value.Routing[command.Input.Category];
        var routedTo = await db.Departments.Where(d => d.Code == departmentCode && d.IsActive).Select(d => (Guid?)d.Id)
            .SingleOrDefaultAsync(cancellationToken);

        var since = complaint.ReceivedAt - options.Value.RepeatWindow;
        var earlier = db.Complaints.Where(c => c.CustomerId == complaint.CustomerId && c.Category == command.Input.Category
            && c.Id != complaint.Id && c.ReceivedAt >= since && c.ReceivedAt <= complaint.ReceivedAt);
        var repeat = new RepeatInfo(
            await earlier.OrderByDescending(c => c.ReceivedAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken),
            await earlier.CountAsync(cancellationToken));

        complaint.Register(command.Input.Category, command.Input.Severity!.Value, (command.Input.CustomerAcknowledged ?? false), routedTo, repeat, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
