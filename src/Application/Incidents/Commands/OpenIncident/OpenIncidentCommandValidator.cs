using CustomerCare.Application.Complaints;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Incidents;
using FluentValidation;

namespace CustomerCare.Application.Incidents.Commands.OpenIncident;

public sealed class OpenIncidentCommandValidator : AbstractValidator<OpenIncidentCommand>
{
    public OpenIncidentCommandValidator(IValidator<OpenIncidentInput> input) =>
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
}

public sealed class OpenIncidentInputValidator : AbstractValidator<OpenIncidentInput>
{
    public OpenIncidentInputValidator()
    {
        RuleFor(i => i.Title).NotEmpty().MaximumLength(Incident.TitleMaxLength);
        RuleFor(i => i.Description).MaximumLength(Incident.DescriptionMaxLength);
        RuleFor(i => i.Cause).ClassificationCode();
        RuleFor(i => i.Product).MaximumLength(Complaint.ProductMaxLength);
        RuleFor(i => i.Region).MaximumLength(Incident.RegionMaxLength);
        RuleFor(i => i.StartedAt).GreaterThan(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
