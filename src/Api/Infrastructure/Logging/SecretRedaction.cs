using System.Collections;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Logging.Console;

namespace CustomerCare.Api.Infrastructure.Logging;

/// <summary>
/// Keeps secrets that travel in URLs out of every log line: survey tokens (a path segment after
/// <c>/survey-responses/</c>) and the values of query parameters that carry tokens, keys, codes or passwords.
/// </summary>
public static partial class SecretRedaction
{
    public const string Mask = "***";

    [GeneratedRegex(@"(/survey-responses/)[^/?#\s""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SurveyToken();

    [GeneratedRegex(@"([?&](?:[\w.-]*(?:token|key|secret|password|code|signature)[\w.-]*)=)[^&#\s""]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretParameter();

    /// <summary>The text with every secret in a path or query masked; the same instance when there is none.</summary>
    public static string Redact(string text)
    {
        if (text.IndexOf("/survey-responses/", StringComparison.OrdinalIgnoreCase) < 0 && text.IndexOf('=') < 0)
        {
            return text;
        }

        var redacted = SecretParameter().Replace(SurveyToken().Replace(text, "$1" + Mask), "$1" + Mask);
        return redacted == text ? text : redacted;
    }

    /// <summary>Registers the redaction for the request log and for the request scope every console line carries.</summary>
    public static IServiceCollection AddSecretRedaction(this IServiceCollection services)
    {
        services.AddSingleton<IHttpLoggingInterceptor, RedactingHttpLoggingInterceptor>();

        // The console provider gets its scopes through a redacting scope provider: the host's request scope carries
        // the raw path (RequestPath), which the JSON formatter writes on every line logged during a request.
        var console = services.FirstOrDefault(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider));
        if (console is not null)
        {
            services.Remove(console);
            services.AddSingleton<ConsoleLoggerProvider>();
            services.AddSingleton<ILoggerProvider>(provider => new RedactingConsoleLoggerProvider(provider.GetRequiredService<ConsoleLoggerProvider>()));
        }

        return services;
    }

    /// <summary>The request log writes the redacted path in place of the raw one.</summary>
    private sealed class RedactingHttpLoggingInterceptor : IHttpLoggingInterceptor
    {
        public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
        {
            var path = logContext.HttpContext.Request.Path.Value ?? string.Empty;
            var redacted = Redact(path);
            if (!ReferenceEquals(redacted, path) && logContext.TryDisable(HttpLoggingFields.RequestPath))
            {
                logContext.AddParameter(nameof(HttpRequest.Path), redacted);
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;
    }
}

/// <summary>
/// The console provider, redacting every line: its message and state (the host's "Request starting" line carries the
/// path and query) and every scope, through <see cref="RedactingScopeProvider"/>.
/// </summary>
[ProviderAlias("Console")]
public sealed class RedactingConsoleLoggerProvider(ConsoleLoggerProvider inner) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => inner.SetScopeProvider(new RedactingScopeProvider(scopeProvider));

    public void Dispose() => inner.Dispose();
}

/// <summary>A logger that passes on each line with its message and state redacted (the same line when there is nothing to mask).</summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        var redacted = SecretRedaction.Redact(message);
        var stateHasSecrets = state is IReadOnlyList<KeyValuePair<string, object?>> values && RedactingScopeProvider.NeedsRedaction(values);
        if (ReferenceEquals(redacted, message) && !stateHasSecrets)
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        inner.Log(logLevel, eventId, RedactingScopeProvider.Redacted(state), exception, (_, _) => redacted);
    }
}

/// <summary>Hands loggers each scope with its text values redacted (<see cref="SecretRedaction.Redact"/>).</summary>
public sealed class RedactingScopeProvider(IExternalScopeProvider inner) : IExternalScopeProvider
{
    public void ForEachScope<TState>(Action<object?, TState> callback, TState state) =>
        inner.ForEachScope((scope, s) => callback(Redacted(scope), s), state);

    public IDisposable Push(object? state) => inner.Push(state);

    public static object? Redacted(object? scope) => scope switch
    {
        string text => SecretRedaction.Redact(text),
        IReadOnlyList<KeyValuePair<string, object?>> values when NeedsRedaction(values) => new RedactedScope(values),
        _ => scope,
    };

    internal static bool NeedsRedaction(IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        foreach (var (_, value) in values)
        {
            if (value is string text && !ReferenceEquals(SecretRedaction.Redact(text), text))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class RedactedScope(IReadOnlyList<KeyValuePair<string, object?>> original) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _values =
            [.. original.Select(p => p.Value is string text ? new KeyValuePair<string, object?>(p.Key, SecretRedaction.Redact(text)) : p)];

        private readonly string _text = SecretRedaction.Redact(original.ToString() ?? string.Empty);

        public int Count => _values.Length;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => _text;
    }
}
