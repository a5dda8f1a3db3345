using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Validation;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Complaints.Commands.ImportComplaints;

public sealed class ImportComplaintsCommandValidator : AbstractValidator<ImportComplaintsCommand>
{
    public ImportComplaintsCommandValidator(IOptions<ImportOptions> options)
    {
        RuleFor(c => c.Format).IsInEnum();
        RuleFor(c => c.Rows).NotEmpty().WithMessage(_ => ValidationTexts.Get("ImportEmpty")).OverridePropertyName("file");
        RuleFor(c => c.Rows.Count).LessThanOrEqualTo(options.Value.MaxRows).OverridePropertyName("file")
            .WithMessage(_ => ValidationTexts.Format("ImportTooManyRows", options.Value.MaxRows));
    }
}
