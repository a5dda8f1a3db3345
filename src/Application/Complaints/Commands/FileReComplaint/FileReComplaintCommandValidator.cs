using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.FileReComplaint;

public sealed class FileReComplaintCommandValidator : AbstractValidator<FileReComplaintCommand>
{
    public FileReComplaintCommandValidator(IValidator<FileReComplaintInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class FileReComplaintInputValidator : AbstractValidator<FileReComplaintInput>
{
    public FileReComplaintInputValidator()
    {
        RuleFor(c => c.Channel).Required();
        RuleFor(c => c.Description).NotEmpty().MaximumLength(Complaint.DescriptionMaxLength);
        RuleFor(c => c.RemedySought).MaximumLength(Complaint.RemedyMaxLength);
        RuleFor(c => c.Channel).IsInEnum();
    }
}
