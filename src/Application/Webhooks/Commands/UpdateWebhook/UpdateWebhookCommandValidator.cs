using CustomerCare.Application.Common.Options;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Webhooks.Commands.UpdateWebhook;

public sealed class UpdateWebhookCommandValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookCommandValidator(IOptions<WebhookOptions> options)
    {
        RuleFor(c => c.Id).NotEmpty();
        this.AddTargetRules(c => c.Url, c => c.EventTypes, c => c.Description, options.Value);
    }
}
