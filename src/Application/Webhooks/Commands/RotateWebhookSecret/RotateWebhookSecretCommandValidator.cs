using FluentValidation;

namespace CustomerCare.Application.Webhooks.Commands.RotateWebhookSecret;

public sealed class RotateWebhookSecretCommandValidator : AbstractValidator<RotateWebhookSecretCommand>
{
    public RotateWebhookSecretCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
