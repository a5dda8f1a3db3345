using CustomerCare.Application.Common.Options;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Complaints.Commands.ImportComplaints;

public sealed class ImportComplaintsCommandValidator : AbstractValidator<ImportComplaintsCommand>
{
    public ImportComplaintsCommandValidator(IOptions<ImportOptions> options)
    {
        RuleFor(c => c.Rows).NotEmpty().WithMessage("The file holds no rows.").OverridePropertyName("file");
        RuleFor(c => c.Rows.Count).LessThanOrEqualTo(options.Value.MaxRows).OverridePropertyName("file")
            .WithMessage($"An import holds at most {options.Value.MaxRows} rows; split the file.");
    }
}
