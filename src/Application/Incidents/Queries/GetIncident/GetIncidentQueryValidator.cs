using FluentValidation;

namespace CustomerCare.Application.Incidents.Queries.GetIncident;

public sealed class GetIncidentQueryValidator : AbstractValidator<GetIncidentQuery>
{
    public GetIncidentQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}
