using FluentValidation;

namespace CustomerCare.Application.Webhooks.Queries.GetWebhook;

public sealed class GetWebhookQueryValidator : AbstractValidator<GetWebhookQuery>
{
    public GetWebhookQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}
