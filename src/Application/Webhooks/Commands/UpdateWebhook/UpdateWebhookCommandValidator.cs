using CustomerCare.Application.Common.Options;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Webhooks.Commands.UpdateWebhook;

public sealed class UpdateWebhookCommandValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookCommandValidator(IValidator<UpdateWebhookInput> input)
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class UpdateWebhookInputValidator : AbstractValidator<UpdateWebhookInput>
{
    public UpdateWebhookInputValidator(IOptions<WebhookOptions> options) =>
        this.AddTargetRules(c => c.Url, c => c.EventTypes, c => c.Description, options.Value);
}
