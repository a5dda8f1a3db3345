using Microsoft.Extensions.Logging;

namespace CustomerCare.Application.Common.Behaviours;

internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Handling {RequestName}")]
    public static partial void Handling(ILogger logger, string requestName);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Handled {RequestName} in {ElapsedMilliseconds} ms")]
    public static partial void Handled(ILogger logger, string requestName, long elapsedMilliseconds);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "Slow request: {RequestName} took {ElapsedMilliseconds} ms (threshold {ThresholdMilliseconds} ms)")]
    public static partial void SlowRequest(ILogger logger, string requestName, long elapsedMilliseconds, long thresholdMilliseconds);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Unhandled exception while handling {RequestName}")]
    public static partial void UnhandledException(ILogger logger, Exception exception, string requestName);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information,
        Message = "{RequestName} was refused: {FailureCount} invalid field(s)")]
    public static partial void ValidationFailed(ILogger logger, string requestName, int failureCount);
}
