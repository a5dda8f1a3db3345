using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.AddComplaintNote;

public sealed class AddComplaintNoteCommandValidator : AbstractValidator<AddComplaintNoteCommand>
{
    public AddComplaintNoteCommandValidator(IValidator<AddComplaintNoteInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class AddComplaintNoteInputValidator : AbstractValidator<AddComplaintNoteInput>
{
    public AddComplaintNoteInputValidator()
    {
        RuleFor(c => c.Text).NotEmpty().MaximumLength(TimelineEntry.TextMaxLength);
    }
}
