using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Complaints.Queries;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Sla;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using Severity = CustomerCare.Domain.Complaints.Severity;

namespace CustomerCare.Application.Complaints.Commands;

/// <summary>Changes category and/or severity after registration; the clocks not yet met follow the new severity.</summary>
public sealed record ReclassifyComplaintCommand(Guid Id, string Category, Severity Severity, string Reason, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class ReclassifyComplaintCommandValidator : AbstractValidator<ReclassifyComplaintCommand>
{
    public ReclassifyComplaintCommandValidator(IOptions<ComplaintOptions> options)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Category).NotEmpty().Must(c => options.Value.Routing.ContainsKey(c))
            .WithMessage(_ => $"Unknown category; use one of: {string.Join(", ", options.Value.Routing.Keys)}.");
        RuleFor(c => c.Severity).IsInEnum();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(Complaint.ReasonMaxLength);
    }
}

public sealed class ReclassifyComplaintCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<ReclassifyComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ReclassifyComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        complaint.Reclassify(command.Category, command.Severity, command.Reason, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.ToDto(complaint, user, time.GetUtcNow());
    }
}

/// <summary>Stops the running clocks while waiting for the customer or a third party.</summary>
public sealed record PauseSlaCommand(Guid Id, SlaPauseReason Reason, string? Comment, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class PauseSlaCommandValidator : AbstractValidator<PauseSlaCommand>
{
    public PauseSlaCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Reason).IsInEnum();
        RuleFor(c => c.Comment).MaximumLength(Complaint.ReasonMaxLength);
    }
}

public sealed class PauseSlaCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<PauseSlaCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(PauseSlaCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        complaint.PauseSla(command.Reason, command.Comment, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.ToDto(complaint, user, time.GetUtcNow());
    }
}

/// <summary>Restarts the paused clocks; their due times move on by the working time spent waiting.</summary>
public sealed record ResumeSlaCommand(Guid Id, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class ResumeSlaCommandValidator : AbstractValidator<ResumeSlaCommand>
{
    public ResumeSlaCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}

public sealed class ResumeSlaCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, ISlaScheduleProvider schedules, TimeProvider time)
    : ICommandHandler<ResumeSlaCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ResumeSlaCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        complaint.ResumeSla(await schedules.GetCurrentAsync(cancellationToken), user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.ToDto(complaint, user, time.GetUtcNow());
    }
}
