using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Api.IntegrationTests.Infrastructure;

/// <summary>What the API under test logged (every category, every level), for tests of what it logs.</summary>
public static class TestLogs
{
    public static readonly ConcurrentQueue<LogLine> Lines = new();

    public static ILoggerProvider Provider { get; } = new CapturingProvider();

    public static void Clear() => Lines.Clear();

    private sealed class CapturingProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Lines.Enqueue(new LogLine(logLevel, category, formatter(state, exception), exception));
            while (Lines.Count > 10_000 && Lines.TryDequeue(out _))
            {
            }
        }
    }
}

public sealed record LogLine(LogLevel Level, string Category, string Message, Exception? Exception);
