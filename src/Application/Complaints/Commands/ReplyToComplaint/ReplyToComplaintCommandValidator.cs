using CustomerCare.Domain.Complaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.ReplyToComplaint;

public sealed class ReplyToComplaintCommandValidator : AbstractValidator<ReplyToComplaintCommand>
{
    public ReplyToComplaintCommandValidator(IValidator<ReplyToComplaintInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class ReplyToComplaintInputValidator : AbstractValidator<ReplyToComplaintInput>
{
    public ReplyToComplaintInputValidator()
    {
        RuleFor(c => c.Text).NotEmpty().MaximumLength(TimelineEntry.TextMaxLength);
    }
}
