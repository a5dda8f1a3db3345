using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.RecordFailedImportTurn;

public sealed class RecordFailedImportTurnCommandValidator : AbstractValidator<RecordFailedImportTurnCommand>
{
    public RecordFailedImportTurnCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
