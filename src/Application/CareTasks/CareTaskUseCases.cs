using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Complaints;
using CustomerCare.Application.Feedback;
using CustomerCare.Domain.CareTasks;
using CustomerCare.Domain.Organisation;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ValidationException = CustomerCare.Application.Common.Exceptions.ValidationException;

namespace CustomerCare.Application.CareTasks;

public sealed record CareTaskDto(
    Guid Id, CareTaskKind Kind, Guid CustomerId, Guid? ComplaintId, Guid? OwnerId, DateOnly DueOn, string Subject, string? Notes, bool IsAutomatic,
    CareTaskStatus Status, CareTaskResult? Result, string? Outcome, DateTimeOffset? CompletedAt, Guid? CompletedById,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version) : IVersioned
{
    public static CareTaskDto From(CareTask t) => new(
        t.Id, t.Kind, t.CustomerId, t.ComplaintId, t.OwnerId, t.DueOn, t.Subject, t.Notes, t.IsAutomatic, t.Status, t.Result, t.Outcome,
        t.CompletedAt, t.CompletedById, t.CreatedAt, t.UpdatedAt, t.Version);
}

/// <summary>Which care tasks a list shows: all, the caller's open ones, open ones due today, or open ones past their day.</summary>
public enum CareTaskView
{
    All,
    Mine,
    DueToday,
    Overdue,
}

/// <summary>
/// Who sees which care tasks: the same people as see their complaint. Managers and admins: all. Other staff: the tasks
/// they own, the tasks of complaints they may see (their department's, supervisors' sub-departments', the ones they
/// took first or handle), and tasks with no complaint that nobody owns yet; supervisors also every task with no
/// complaint. Partners and anonymous callers: none. A task one may not see is "not found".
/// </summary>
internal static class CareTaskAccess
{
    public static async Task<IQueryable<CareTask>> VisibleCareTasksAsync(this IApplicationDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var tasks = db.CareTasks.AsQueryable();
        if (user.Kind != CallerKind.Staff)
        {
            return tasks.Where(_ => false);
        }

        if (user.IsInRole(Role.Admin) || user.IsInRole(Role.Manager))
        {
            return tasks;
        }

        var complaints = await db.VisibleAsync(user, ct);
        var me = user.Id;
        var supervisor = user.IsInRole(Role.Supervisor);
        return tasks.Where(t => t.OwnerId == me
            || (t.ComplaintId != null ? complaints.Any(c => c.Id == t.ComplaintId) : t.OwnerId == null || supervisor));
    }

    public static async Task<CareTask> LoadCareTaskForChangeAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, uint? expectedVersion, CancellationToken ct)
    {
        var task = await (await db.VisibleCareTasksAsync(user, ct)).SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Care task", id);
        db.ExpectVersion(task, expectedVersion ?? throw new PreconditionRequiredException("care task"));
        return task;
    }

    public static async Task EnsureOwnerAsync(this IApplicationDbContext db, Guid? ownerId, CancellationToken ct)
    {
        if (ownerId is { } id && !await db.Staff.AnyAsync(s => s.Id == id && s.IsActive, ct))
        {
            throw new ValidationException("ownerId", "No active staff member has this id.");
        }
    }
}

/// <summary>Schedules a care contact (a follow-up call, a key-customer call, a greeting).</summary>
public sealed record CreateCareTaskCommand(
    CareTaskKind Kind, Guid CustomerId, Guid? ComplaintId, Guid? OwnerId, DateOnly DueOn, string Subject, string? Notes) : ICommand<CareTaskDto>;

public sealed class CreateCareTaskCommandValidator : AbstractValidator<CreateCareTaskCommand>
{
    public CreateCareTaskCommandValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.CustomerId).NotEmpty();
        RuleFor(c => c.ComplaintId).NotEqual(Guid.Empty);
        RuleFor(c => c.OwnerId).NotEqual(Guid.Empty);
        RuleFor(c => c.DueOn).NotEqual(default(DateOnly)).WithMessage("Give the day the contact is due.")
            .InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(c => c.Subject).NotEmpty().MaximumLength(CareTask.SubjectMaxLength);
        RuleFor(c => c.Notes).MaximumLength(CareTask.NotesMaxLength);
    }
}

public sealed class CreateCareTaskCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<CreateCareTaskCommand, CareTaskDto>
{
    public async ValueTask<CareTaskDto> Handle(CreateCareTaskCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == command.CustomerId && c.ErasedAt == null && c.MergedIntoId == null, cancellationToken))
        {
            throw new ValidationException("customerId", "No customer has this id.");
        }

        if (command.ComplaintId is { } complaintId
            && !await (await db.VisibleAsync(user, cancellationToken)).AnyAsync(c => c.Id == complaintId && c.CustomerId == command.CustomerId, cancellationToken))
        {
            // The same answer whether the complaint is another customer's or one the caller may not see: no oracle.
            throw new ValidationException("complaintId", "The customer has no complaint with this id.");
        }

        await db.EnsureOwnerAsync(command.OwnerId, cancellationToken);
        var task = CareTask.Create(new NewCareTask(command.Kind, command.CustomerId, command.ComplaintId, command.OwnerId, command.DueOn,
            command.Subject, command.Notes), time.GetUtcNow());
        db.CareTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return CareTaskDto.From(task);
    }
}

/// <summary>The contact happened (or was tried): the result and what was said.</summary>
public sealed record CompleteCareTaskCommand(Guid Id, CareTaskResult Result, string? Outcome, uint? ExpectedVersion) : ICommand<CareTaskDto>;

public sealed class CompleteCareTaskCommandValidator : AbstractValidator<CompleteCareTaskCommand>
{
    public CompleteCareTaskCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Result).IsInEnum();
        RuleFor(c => c.Outcome).MaximumLength(CareTask.NotesMaxLength);
    }
}

public sealed class CompleteCareTaskCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<CompleteCareTaskCommand, CareTaskDto>
{
    public async ValueTask<CareTaskDto> Handle(CompleteCareTaskCommand command, CancellationToken cancellationToken)
    {
        var task = await db.LoadCareTaskForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        task.Complete(command.Result, command.Outcome, user.StaffId(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return CareTaskDto.From(task);
    }
}

public sealed record CancelCareTaskCommand(Guid Id, string Reason, uint? ExpectedVersion) : ICommand<CareTaskDto>;

public sealed class CancelCareTaskCommandValidator : AbstractValidator<CancelCareTaskCommand>
{
    public CancelCareTaskCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(CareTask.NotesMaxLength);
    }
}

public sealed class CancelCareTaskCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<CancelCareTaskCommand, CareTaskDto>
{
    public async ValueTask<CareTaskDto> Handle(CancelCareTaskCommand command, CancellationToken cancellationToken)
    {
        var task = await db.LoadCareTaskForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        task.Cancel(command.Reason, user.StaffId(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return CareTaskDto.From(task);
    }
}

/// <summary>Hands the task to someone (null: nobody yet) and sets its due day.</summary>
public sealed record RescheduleCareTaskCommand(Guid Id, Guid? OwnerId, DateOnly DueOn, uint? ExpectedVersion) : ICommand<CareTaskDto>;

public sealed class RescheduleCareTaskCommandValidator : AbstractValidator<RescheduleCareTaskCommand>
{
    public RescheduleCareTaskCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.OwnerId).NotEqual(Guid.Empty);
        RuleFor(c => c.DueOn).NotEqual(default(DateOnly)).WithMessage("Give the day the contact is due.")
            .InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
    }
}

public sealed class RescheduleCareTaskCommandHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<RescheduleCareTaskCommand, CareTaskDto>
{
    public async ValueTask<CareTaskDto> Handle(RescheduleCareTaskCommand command, CancellationToken cancellationToken)
    {
        await db.EnsureOwnerAsync(command.OwnerId, cancellationToken);
        var task = await db.LoadCareTaskForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        task.Reschedule(command.OwnerId, command.DueOn, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return CareTaskDto.From(task);
    }
}

/// <summary>
/// Care tasks, soonest due first. "Today" is the business calendar's today (in its time zone). <c>mine</c>,
/// <c>dueToday</c> and <c>overdue</c> show open tasks only; the filters narrow any view.
/// </summary>
public sealed record ListCareTasksQuery(
    CareTaskView View, Guid? OwnerId, Guid? CustomerId, Guid? ComplaintId, CareTaskStatus? Status, CareTaskKind? Kind, int Page, int PageSize)
    : IQuery<PagedList<CareTaskDto>>;

public sealed class ListCareTasksQueryValidator : AbstractValidator<ListCareTasksQuery>
{
    public ListCareTasksQueryValidator()
    {
        RuleFor(q => q.View).IsInEnum();
        RuleFor(q => q.OwnerId).NotEqual(Guid.Empty);
        RuleFor(q => q.CustomerId).NotEqual(Guid.Empty);
        RuleFor(q => q.ComplaintId).NotEqual(Guid.Empty);
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Kind).IsInEnum();
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}

public sealed class ListCareTasksQueryHandler(IApplicationDbContext db, ICurrentUser user, ISlaScheduleProvider schedules, TimeProvider time)
    : IQueryHandler<ListCareTasksQuery, PagedList<CareTaskDto>>
{
    public async ValueTask<PagedList<CareTaskDto>> Handle(ListCareTasksQuery query, CancellationToken cancellationToken)
    {
        var today = (await schedules.GetCurrentAsync(cancellationToken)).Calendar.DateOf(time.GetUtcNow());
        var tasks = (await db.VisibleCareTasksAsync(user, cancellationToken)).AsNoTracking();
        tasks = query.View switch
        {
            CareTaskView.Mine => tasks.Where(t => t.Status == CareTaskStatus.Open && t.OwnerId == user.Id),
            CareTaskView.DueToday => tasks.Where(t => t.Status == CareTaskStatus.Open && t.DueOn == today),
            CareTaskView.Overdue => tasks.Where(t => t.Status == CareTaskStatus.Open && t.DueOn < today),
            _ => tasks,
        };
        if (query.OwnerId is { } ownerId)
        {
            tasks = tasks.Where(t => t.OwnerId == ownerId);
        }

        if (query.CustomerId is { } customerId)
        {
            tasks = tasks.Where(t => t.CustomerId == customerId);
        }

        if (query.ComplaintId is { } complaintId)
        {
            tasks = tasks.Where(t => t.ComplaintId == complaintId);
        }

        if (query.Status is { } status)
        {
            tasks = tasks.Where(t => t.Status == status);
        }

        if (query.Kind is { } kind)
        {
            tasks = tasks.Where(t => t.Kind == kind);
        }

        return (await PagedList<CareTask>.CreateAsync(tasks.OrderBy(t => t.DueOn).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id), query.Page, query.PageSize, cancellationToken))
            .Select(CareTaskDto.From);
    }
}

public sealed record GetCareTaskQuery(Guid Id) : IQuery<CareTaskDto>;

public sealed class GetCareTaskQueryValidator : AbstractValidator<GetCareTaskQuery>
{
    public GetCareTaskQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}

public sealed class GetCareTaskQueryHandler(IApplicationDbContext db, ICurrentUser user) : IQueryHandler<GetCareTaskQuery, CareTaskDto>
{
    public async ValueTask<CareTaskDto> Handle(GetCareTaskQuery query, CancellationToken cancellationToken) =>
        CareTaskDto.From(await (await db.VisibleCareTasksAsync(user, cancellationToken)).AsNoTracking().SingleOrDefaultAsync(t => t.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Care task", query.Id));
}
