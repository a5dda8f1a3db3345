using CustomerCare.Application.Common.Options;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerCare.Application.Webhooks.Commands.CreateWebhook;

public sealed class CreateWebhookCommandValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookCommandValidator(IValidator<CreateWebhookInput> input)
    {

        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class CreateWebhookInputValidator : AbstractValidator<CreateWebhookInput>
{
    public CreateWebhookInputValidator(IOptions<WebhookOptions> options)
    {
        RuleFor(c => c.PartnerId).NotEqual(Guid.Empty);
        this.AddTargetRules(c => c.Url, c => c.EventTypes, c => c.Description, options.Value);
    }
}
