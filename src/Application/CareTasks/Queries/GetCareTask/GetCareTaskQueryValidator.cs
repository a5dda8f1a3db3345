using FluentValidation;

namespace CustomerCare.Application.CareTasks.Queries.GetCareTask;

public sealed class GetCareTaskQueryValidator : AbstractValidator<GetCareTaskQuery>
{
    public GetCareTaskQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}
