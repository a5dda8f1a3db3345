using FluentValidation;

namespace CustomerCare.Application.Reports.Queries.GetOpenBreaches;

public sealed class GetOpenBreachesQueryValidator : AbstractValidator<GetOpenBreachesQuery>;
