using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.AddComplaintNote;

public sealed class AddComplaintNoteCommandValidator : AbstractValidator<AddComplaintNoteCommand>
{
    public AddComplaintNoteCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Text).NotEmpty().MaximumLength(TimelineEntry.TextMaxLength);
    }
}
