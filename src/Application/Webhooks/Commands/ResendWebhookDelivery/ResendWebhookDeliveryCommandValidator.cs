using FluentValidation;

namespace CustomerCare.Application.Webhooks.Commands.ResendWebhookDelivery;

public sealed class ResendWebhookDeliveryCommandValidator : AbstractValidator<ResendWebhookDeliveryCommand>
{
    public ResendWebhookDeliveryCommandValidator()
    {
        RuleFor(c => c.WebhookId).NotEmpty();
        RuleFor(c => c.DeliveryId).NotEmpty();
    }
}
