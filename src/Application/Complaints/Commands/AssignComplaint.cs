using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Complaints.Queries;
using CustomerCare.Domain.Complaints;
using FluentValidation;
using ValidationException = CustomerCare.Application.Common.Exceptions.ValidationException;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints.Commands;

/// <summary>
/// Assigns a complaint to a department and/or a handler, or transfers it (first-contact responsibility: the first
/// responder stays accountable and keeps seeing it). A handler named alone brings their department along.
/// </summary>
public sealed record AssignComplaintCommand(Guid Id, Guid? DepartmentId, Guid? AssigneeId, string Reason, uint? ExpectedVersion) : ICommand<ComplaintDto>;

public sealed class AssignComplaintCommandValidator : AbstractValidator<AssignComplaintCommand>
{
    public AssignComplaintCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c).Must(c => c.DepartmentId is not null || c.AssigneeId is not null)
            .OverridePropertyName("departmentId").WithMessage("Name a department, a staff member, or both.");
        RuleFor(c => c.DepartmentId).NotEqual(Guid.Empty);
        RuleFor(c => c.AssigneeId).NotEqual(Guid.Empty);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(Complaint.ReasonMaxLength);
    }
}

public sealed class AssignComplaintCommandHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<AssignComplaintCommand, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(AssignComplaintCommand command, CancellationToken cancellationToken)
    {
        var complaint = await db.LoadForChangeAsync(user, command.Id, command.ExpectedVersion, cancellationToken);
        var departmentId = command.DepartmentId;
        if (command.AssigneeId is { } assigneeId)
        {
            var assignee = await db.Staff.AsNoTracking().Where(s => s.Id == assigneeId && s.IsActive)
                .Select(s => new { s.DepartmentId }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new ValidationException("assigneeId", "No active staff member has this id.");
            departmentId ??= assignee.DepartmentId;
        }

        if (departmentId is { } id && !await db.Departments.AnyAsync(d => d.Id == id && d.IsActive, cancellationToken))
        {
            throw new ValidationException("departmentId", "No active department has this id.");
        }

        complaint.Assign(departmentId, command.AssigneeId, command.Reason, user.Actor(), time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return mapper.ToDto(complaint, user, time.GetUtcNow());
    }
}
