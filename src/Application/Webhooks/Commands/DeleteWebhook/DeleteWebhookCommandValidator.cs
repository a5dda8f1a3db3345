using FluentValidation;

namespace CustomerCare.Application.Webhooks.Commands.DeleteWebhook;

public sealed class DeleteWebhookCommandValidator : AbstractValidator<DeleteWebhookCommand>
{
    public DeleteWebhookCommandValidator() => RuleFor(c => c.Id).NotEmpty();
}
