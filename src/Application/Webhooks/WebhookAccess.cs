using System.Linq.Expressions;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Organisation;
using CustomerCare.Domain.Webhooks;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Webhooks;

/// <summary>Administrators manage every subscription; a partner only its own (others' are "not found").</summary>
internal static class WebhookAccess
{
    public static IQueryable<WebhookSubscription> VisibleWebhooks(this IApplicationDbContext db, ICurrentUser user) => user.Kind switch
    {
        CallerKind.Partner => db.WebhookSubscriptions.Where(s => s.PartnerId == user.Id),
        CallerKind.Staff when user.IsInRole(Role.Admin) => db.WebhookSubscriptions,
        _ => db.WebhookSubscriptions.Where(_ => false),
    };

    public static async Task<WebhookSubscription> LoadWebhookAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, CancellationToken ct) =>
        await db.VisibleWebhooks(user).SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Webhook", id);

}

/// <summary>Rules the create and update commands share.</summary>
internal static class WebhookRules
{
    public static void AddTargetRules<T>(this AbstractValidator<T> validator, Expression<Func<T, string>> url, Expression<Func<T, IEnumerable<string>?>> eventTypes,
        Expression<Func<T, string?>> description, WebhookOptions options)
    {
        validator.RuleFor(url).NotEmpty().MaximumLength(WebhookSubscription.UrlMaxLength)
            .Must(u => IsAcceptable(u, options))
            .WithMessage(_ => ValidationTexts.Get(options.AllowHttp ? "WebhookUrlHttp" : "WebhookUrlHttps"));
        validator.RuleFor(eventTypes).NotEmpty()
            .MaxItems(WebhookSubscription.MaxEventTypes).WithMessage(_ => ValidationTexts.Format("EventTypesMax", WebhookSubscription.MaxEventTypes));
        validator.RuleForEach(eventTypes).MaximumLength(WebhookEventTypes.MaxLength).Must(WebhookEventTypes.IsKnown)
            .WithMessage(_ => ValidationTexts.Format("EventTypeUnknown", string.Join(", ", WebhookEventTypes.All)));
        validator.RuleFor(description).MaximumLength(WebhookSubscription.DescriptionMaxLength);
    }

    private static bool IsAcceptable(string? text, WebhookOptions options) => WebAddresses.IsCallable(text, options.AllowHttp, out _);
}
