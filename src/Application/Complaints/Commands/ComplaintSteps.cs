using AutoMapper;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints.Queries;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using FluentValidation;
using Mediator;

namespace CustomerCare.Application.Complaints.Commands;

// The lifecycle steps that need nothing but the complaint itself: load it (as the caller may see it, at the
// version they read), call the aggregate's verb, save. Each is one command with its validator.

public sealed record LogCustomerContactCommand(Guid Id, Channel Channel, ContactDirection Direction, string Summary, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class LogCustomerContactCommandValidator : AbstractValidator<LogCustomerContactCommand>
{
    public LogCustomerContactCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.Direction).IsInEnum();
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(TimelineEntry.TextMaxLength - 40);
    }
}

public sealed class LogCustomerContactCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<LogCustomerContactCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(LogCustomerContactCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        complaint.LogContact(command.Channel, command.Direction, command.Summary, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.ToDto(complaint, user, time.GetUtcNow());
    }
}

public sealed record RecordInvestigationCommand(
    Guid Id, string Findings, string? RootCause, bool IsGenuine, IReadOnlyList<string>? Evidence, string? CorrectiveAction, uint? ExpectedVersion)
    : ICommand<ComplaintDto>;

public sealed class RecordInvestigationCommandValidator : AbstractValidator<RecordInvestigationCommand>
{
    public RecordInvestigationCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Findings).NotEmpty().MaximumLength(Investigation.TextMaxLength);
        RuleFor(c => c.RootCause).MaximumLength(Investigation.TextMaxLength);
        RuleFor(c => c.CorrectiveAction).MaximumLength(Investigation.TextMaxLength);
        RuleFor(c => c.Evidence).Must(e => e is null || e.Count <= Investigation.MaxEvidenceItems)
            .WithMessage($"At most {Investigation.MaxEvidenceItems} evidence items.");
        RuleForEach(c => c.Evidence).NotEmpty().MaximumLength(Investigation.EvidenceMaxLength);
    }
}

public sealed class RecordInvestigationCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<RecordInvestigationCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(RecordInvestigationCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        complaint.Investigate(new Investigation(command.Findings, command.RootCause, command.IsGenuine, command.Evidence ?? [], command.CorrectiveAction),
            user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.ToDto(complaint, user, time.GetUtcNow());
    }
}

public sealed record SolutionStepInput(string Description, Guid? OwnerId, DateTimeOffset? DueAt, bool Done);

public sealed record ProposeSolutionCommand(
    Guid Id, string Summary, IReadOnlyList<SolutionStepInput>? Steps, Channel CommunicatedVia, DateTimeOffset? CommunicatedAt, uint? ExpectedVersion)
    : ICommand<ComplaintDto>;

public sealed class ProposeSolutionCommandValidator : AbstractValidator<ProposeSolutionCommand>
{
    public ProposeSolutionCommandValidator(TimeProvider time)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(Investigation.TextMaxLength);
        RuleFor(c => c.CommunicatedVia).IsInEnum();
        RuleFor(c => c.CommunicatedAt).LessThanOrEqualTo(_ => time.GetUtcNow().AddMinutes(5)).WithMessage("Cannot lie in the future.");
        RuleFor(c => c.Steps).Must(s => s is null || s.Count <= SolutionStep.MaxStepsPerSolution)
            .WithMessage($"At most {SolutionStep.MaxStepsPerSolution} steps.");
        RuleForEach(c => c.Steps).NotNull().WithMessage("A step cannot be null.");
        RuleForEach(c => c.Steps).Where(s => s is not null).ChildRules(step =>
        {
            step.RuleFor(s => s.Description).NotEmpty().MaximumLength(SolutionStep.DescriptionMaxLength);
            step.RuleFor(s => s.OwnerId).NotEqual(Guid.Empty);
        });
    }
}

public sealed class ProposeSolutionCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<ProposeSolutionCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ProposeSolutionCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        var now = time.GetUtcNow();
        var steps = (command.Steps ?? []).Select(s => new SolutionStep(s.Description, s.OwnerId, s.DueAt, s.Done)).ToList();
        complaint.ProposeSolution(new ProposedSolution(command.Summary, steps, command.CommunicatedAt ?? now, command.CommunicatedVia), user.Actor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.ToDto(complaint, user, time.GetUtcNow());
    }
}

public sealed record RecordCustomerResponseCommand(Guid Id, bool Accepted, string? Comment, string? RecourseOffered, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class RecordCustomerResponseCommandValidator : AbstractValidator<RecordCustomerResponseCommand>
{
    public RecordCustomerResponseCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Comment).MaximumLength(Complaint.ReasonMaxLength);
        RuleFor(c => c.RecourseOffered).MaximumLength(Complaint.ReasonMaxLength);
        RuleFor(c => c.RecourseOffered).NotEmpty().When(c => !c.Accepted).WithMessage("When the customer rejects the solution, record the recourse offered to them.");
    }
}

public sealed class RecordCustomerResponseCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<RecordCustomerResponseCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(RecordCustomerResponseCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        var now = time.GetUtcNow();
        complaint.RecordCustomerResponse(new CustomerResponse(command.Accepted, command.Comment, command.RecourseOffered, now), user.Actor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.ToDto(complaint, user, time.GetUtcNow());
    }
}

public sealed record ResolveComplaintCommand(
    Guid Id, string Outcome, decimal? CompensationAmount, string? CompensationCurrency, string? CompensationDescription, uint? ExpectedVersion)
    : ICommand<ComplaintDto>;

public sealed class ResolveComplaintCommandValidator : AbstractValidator<ResolveComplaintCommand>
{
    public ResolveComplaintCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Outcome).NotEmpty().MaximumLength(Investigation.TextMaxLength);
        RuleFor(c => c.CompensationAmount).InclusiveBetween(0m, 100_000_000m);
        RuleFor(c => c.CompensationCurrency).NotEmpty().Matches("^[A-Za-z]{3}$").When(c => c.CompensationAmount is not null)
            .WithMessage("Give the ISO 4217 currency of the amount (e.g. CNY).");
        RuleFor(c => c.CompensationCurrency).MaximumLength(3);
        RuleFor(c => c.CompensationDescription).MaximumLength(Complaint.ReasonMaxLength);
    }
}

public sealed class ResolveComplaintCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<ResolveComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ResolveComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        var now = time.GetUtcNow();
        complaint.Resolve(new Resolution(command.Outcome, command.CompensationAmount, command.CompensationCurrency, command.CompensationDescription, now),
            user.Actor(), now);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.ToDto(complaint, user, time.GetUtcNow());
    }
}

public sealed record ReopenComplaintCommand(Guid Id, string Reason, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class ReopenComplaintCommandValidator : AbstractValidator<ReopenComplaintCommand>
{
    public ReopenComplaintCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(Complaint.ReasonMaxLength);
    }
}

public sealed class ReopenComplaintCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<ReopenComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(ReopenComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        complaint.Reopen(command.Reason, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.ToDto(complaint, user, time.GetUtcNow());
    }
}

public sealed record CloseComplaintCommand(Guid Id, ClosingReason Reason, int? Satisfaction, string? Comment, Guid? DuplicateOfId, uint? ExpectedVersion)
    : ICommand<ComplaintDto>;

public sealed class CloseComplaintCommandValidator : AbstractValidator<CloseComplaintCommand>
{
    public CloseComplaintCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Reason).IsInEnum();
        RuleFor(c => c.Satisfaction).InclusiveBetween(1, 5);
        RuleFor(c => c.Comment).MaximumLength(Complaint.ReasonMaxLength);
        RuleFor(c => c.DuplicateOfId).NotEmpty().When(c => c.Reason == ClosingReason.Duplicate).WithMessage("Name the complaint this one duplicates.");
        RuleFor(c => c.DuplicateOfId).Null().When(c => c.Reason != ClosingReason.Duplicate).WithMessage("Only a duplicate names another complaint.");
        RuleFor(c => c.DuplicateOfId).NotEqual(c => c.Id).When(c => c.DuplicateOfId is not null).WithMessage("A complaint cannot duplicate itself.");
    }
}

public sealed class CloseComplaintCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time, ComplaintAftercare aftercare)
    : ICommandHandler<CloseComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(CloseComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        if (command.DuplicateOfId is { } original && !await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
                await db.VisibleAsync(user, cancellationToken), c => c.Id == original, cancellationToken))
        {
            throw new Common.Exceptions.ValidationException("duplicateOfId", "No complaint you can see has this id.");
        }

        var now = time.GetUtcNow();
        complaint.Close(new Closing(command.Reason, command.Satisfaction, command.Comment, now), command.DuplicateOfId, user.Actor(), now);
        await aftercare.ScheduleAsync(complaint, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.ToDto(complaint, user, time.GetUtcNow());
    }
}

public sealed record AddComplaintNoteCommand(Guid Id, string Text, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class AddComplaintNoteCommandValidator : AbstractValidator<AddComplaintNoteCommand>
{
    public AddComplaintNoteCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Text).NotEmpty().MaximumLength(TimelineEntry.TextMaxLength);
    }
}

public sealed class AddComplaintNoteCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<AddComplaintNoteCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(AddComplaintNoteCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        complaint.AddNote(command.Text, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.ToDto(complaint, user, time.GetUtcNow());
    }
}
