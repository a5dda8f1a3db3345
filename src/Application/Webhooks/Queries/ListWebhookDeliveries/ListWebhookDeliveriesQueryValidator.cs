using CustomerCare.Application.Common.Models;
using FluentValidation;

namespace CustomerCare.Application.Webhooks.Queries.ListWebhookDeliveries;

public sealed class ListWebhookDeliveriesQueryValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesQueryValidator()
    {
        RuleFor(q => q.WebhookId).NotEmpty();
        RuleFor(q => q.Status).IsInEnum();
        this.AddPagingRules(q => q.Page, q => q.PageSize);
    }
}
