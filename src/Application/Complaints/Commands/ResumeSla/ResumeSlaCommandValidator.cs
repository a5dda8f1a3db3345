using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.ResumeSla;

public sealed class ResumeSlaCommandValidator : AbstractValidator<ResumeSlaCommand>
{
    public ResumeSlaCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
