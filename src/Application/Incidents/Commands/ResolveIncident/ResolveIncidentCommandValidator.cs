using CustomerCare.Domain.Incidents;
using FluentValidation;

namespace CustomerCare.Application.Incidents.Commands.ResolveIncident;

public sealed class ResolveIncidentCommandValidator : AbstractValidator<ResolveIncidentCommand>
{
    public ResolveIncidentCommandValidator(IValidator<ResolveIncidentInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class ResolveIncidentInputValidator : AbstractValidator<ResolveIncidentInput>
{
    public ResolveIncidentInputValidator()
    {
        RuleFor(r => r.Resolution).NotEmpty().MaximumLength(Incident.ResolutionMaxLength);
        RuleFor(r => r.EndedAt).GreaterThan(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
