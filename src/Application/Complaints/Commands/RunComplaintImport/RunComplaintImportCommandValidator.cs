using FluentValidation;

namespace CustomerCare.Application.Complaints.Commands.RunComplaintImport;

public sealed class RunComplaintImportCommandValidator : AbstractValidator<RunComplaintImportCommand>
{
    public RunComplaintImportCommandValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.MaxBatches).GreaterThanOrEqualTo(0);
    }
}
