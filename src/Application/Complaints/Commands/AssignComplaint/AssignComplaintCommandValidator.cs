using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.AssignComplaint;

public sealed class AssignComplaintCommandValidator : AbstractValidator<AssignComplaintCommand>
{
    public AssignComplaintCommandValidator(IValidator<AssignComplaintInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class AssignComplaintInputValidator : AbstractValidator<AssignComplaintInput>
{
    public AssignComplaintInputValidator()
    {
        RuleFor(c => c).Must(c => c.DepartmentId is not null || c.AssigneeId is not null)
            .OverridePropertyName("departmentId").WithMessage(_ => ValidationTexts.Get("AssignTargetRequired"));
        RuleFor(c => c.DepartmentId).NotEqual(Guid.Empty);
        RuleFor(c => c.AssigneeId).NotEqual(Guid.Empty);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(Complaint.ReasonMaxLength);
    }
}
