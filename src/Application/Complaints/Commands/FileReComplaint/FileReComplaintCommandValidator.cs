using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.FileReComplaint;

public sealed class FileReComplaintCommandValidator : AbstractValidator<FileReComplaintCommand>
{
    public FileReComplaintCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Description).NotEmpty().MaximumLength(Complaint.DescriptionMaxLength);
        RuleFor(c => c.RemedySought).MaximumLength(Complaint.RemedyMaxLength);
        RuleFor(c => c.Channel).IsInEnum();
    }
}
