using System.Linq.Expressions;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Webhooks.Queries.GetWebhook;
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
    public static void AddTargetRules<T>(this AbstractValidator<T> validator, Func<T, string> url, Func<T, IReadOnlyList<string>?> eventTypes,
        Func<T, string?> description, WebhookOptions options)
    {
        validator.RuleFor(x => url(x)).NotEmpty().MaximumLength(WebhookSubscription.UrlMaxLength)
            .Must(u => IsAcceptable(u, options)).OverridePropertyName("url")
            .WithMessage(options.AllowHttp
                ? "Give an absolute http(s) URL without credentials or fragment."
                : "Give an absolute https URL without credentials or fragment.");
        validator.RuleFor(x => eventTypes(x)).NotEmpty().OverridePropertyName("eventTypes")
            .Must(t => t is null || t.Count <= WebhookSubscription.MaxEventTypes)
            .WithMessage($"At most {WebhookSubscription.MaxEventTypes} event types.");
        validator.RuleForEach(x => eventTypes(x)).Must(WebhookEventTypes.IsKnown).OverridePropertyName("eventTypes")
            .WithMessage($"Unknown event type; use any of: {string.Join(", ", WebhookEventTypes.All)}.");
        validator.RuleFor(x => description(x)).MaximumLength(WebhookSubscription.DescriptionMaxLength).OverridePropertyName("description");
    }

    private static bool IsAcceptable(string? text, WebhookOptions options) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (options.AllowHttp && uri.Scheme == Uri.UriSchemeHttp))
        && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Fragment);
}
