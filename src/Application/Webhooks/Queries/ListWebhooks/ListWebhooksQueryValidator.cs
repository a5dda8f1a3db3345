using CustomerCare.Application.Common.Models;
using FluentValidation;

namespace CustomerCare.Application.Webhooks.Queries.ListWebhooks;

public sealed class ListWebhooksQueryValidator : AbstractValidator<ListWebhooksQuery>
{
    public ListWebhooksQueryValidator() => this.AddPagingRules(q => q.Page, q => q.PageSize);
}
