using Microsoft.Extensions.Logging;

namespace CustomerCare.Api.Infrastructure.Logging;

/// <summary>
/// The request log (one line per request, written by ASP.NET Core's HTTP logging at Information) follows the configured
/// <c>Logging:LogLevel:Default</c>: at <c>Warning</c> no request is logged. Without this it would follow
/// <c>Microsoft.AspNetCore</c> (Warning, to keep the framework quiet) and never be written, or — pinned to Information, as
/// it once was — be written whatever the operator chose. A level set for its own category still wins.
/// </summary>
public static class RequestLogLevel
{
    public const string Category = "Microsoft.AspNetCore.HttpLogging";

    public static IServiceCollection AddRequestLogLevel(this IServiceCollection services, IConfiguration configuration)
    {
        var levels = configuration.GetSection("Logging:LogLevel");
        var ownLevel = levels.GetChildren().Any(c => c.Key.StartsWith(Category, StringComparison.OrdinalIgnoreCase));
        if (!ownLevel)
        {
            var level = levels.GetValue("Default", LogLevel.Information);
            services.Configure<LoggerFilterOptions>(options => options.AddFilter(Category, level));
        }

        return services;
    }
}
