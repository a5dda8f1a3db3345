using System.Collections;
using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Localization;

namespace CustomerCare.Api.Infrastructure.Localization;

/// <summary>
/// The languages the API speaks to people: English (the default) and Simplified Chinese, chosen by
/// <c>Accept-Language</c> (<c>zh-CN</c>, <c>zh-Hans</c>, <c>zh</c>) and named in <c>Content-Language</c> on every answer.
/// Only the UI culture changes: numbers, dates and CSV stay culture-invariant. Validation messages follow it
/// (FluentValidation ships zh-CN), and so do the problem titles and the API's own fixed texts (Resources/ProblemTexts).
/// Machine-readable values — enum strings, problem <c>type</c>, <c>code</c> — never change with the language.
/// </summary>
public static class ApiLocalization
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    private static readonly ResourceManager Texts = new("CustomerCare.Api.Resources.ProblemTexts", typeof(ApiLocalization).Assembly);

    /// <summary>Each English text of ours, by its resource name, to find the translation of a text already written.</summary>
    private static readonly Lazy<Dictionary<string, string>> NamesByEnglishText = new(() =>
        Texts.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Value!, e => (string)e.Key, StringComparer.Ordinal));

    public static IServiceCollection AddApiLocalization(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(English, English);
            options.SupportedCultures = [English];
            options.SupportedUICultures = [English, Chinese];
            options.FallBackToParentUICultures = true;
            options.ApplyCurrentCultureToResponseHeaders = true;
            options.RequestCultureProviders = [new ChineseAliases(), new AcceptLanguageHeaderRequestCultureProvider { MaximumAcceptLanguageHeaderValuesToTry = 5 }];
        });

    /// <summary>The text in the caller's language when it is one of ours with a translation; unchanged otherwise.</summary>
    public static string? Translate(string? text)
    {
        if (text is null || CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" || !NamesByEnglishText.Value.TryGetValue(text, out var name))
        {
            return text;
        }

        return Texts.GetString(name, CultureInfo.CurrentUICulture) ?? text;
    }

    /// <summary><c>zh</c>, <c>zh-Hans</c>, <c>zh-Hans-CN</c>, <c>zh-SG</c>: Simplified Chinese, answered as zh-CN.</summary>
    private sealed class ChineseAliases : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var wanted = httpContext.Request.GetTypedHeaders().AcceptLanguage
                .OrderByDescending(l => l.Quality ?? 1)
                .Select(l => l.Value.Value ?? string.Empty)
                .FirstOrDefault();
            return Task.FromResult(wanted is not null && (wanted.Equals("zh", StringComparison.OrdinalIgnoreCase)
                || wanted.StartsWith("zh-Hans", StringComparison.OrdinalIgnoreCase) || wanted.Equals("zh-SG", StringComparison.OrdinalIgnoreCase))
                ? new ProviderCultureResult(English.Name, Chinese.Name)
                : null);
        }
    }
}
