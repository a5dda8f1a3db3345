using System.Text.Json;
using CustomerCare.Application.Common.Behaviours;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Localization;
using CustomerCare.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CustomerCare.Api.Infrastructure.Errors;

/// <summary>
/// Turns every exception that reaches the HTTP pipeline into an RFC 9457 problem response. Only what a
/// client caused (and may fix) is described; anything else is a 500 without internals, logged here. It knows
/// application exceptions only: database failures are translated in Infrastructure (<see cref="IExceptionTranslator"/>).
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetailsService, IExceptionTranslator translator, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait when the database is unavailable.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to read a body.
            httpContext.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }

        // Failures of the database and its driver arrive translated by Infrastructure into what they mean.
        exception = translator.Translate(exception);
        var problem = ToProblem(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (exception is TooManyRequestsException tooMany)
        {
            httpContext.Response.Headers.RetryAfter =
                ((int)Math.Ceiling(tooMany.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            if (exception is ServiceUnavailableException { Dependency: QueryAdmission.Busy })
            {
                LogQueriesQueued(logger, httpContext.Request.Method, httpContext.Request.Path);
            }
            else
            {
                LogUnavailable(logger, exception.InnerException?.GetType().Name ?? exception.GetType().Name, httpContext.Request.Method, httpContext.Request.Path);
            }

            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetailsService.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
        });
    }

    internal static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        ValidationException validation => new HttpValidationProblemDetails(
            validation.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = ProblemTypes.Validation.Title,
        },
        BadHttpRequestException { InnerException: JsonException json } => new HttpValidationProblemDetails(
            new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [string.IsNullOrEmpty(json.Path) ? "$" : json.Path] =
                    [Texts.Say("The value is not valid JSON or does not have the expected type.")],
            })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body could not be read.",
            Detail = json.LineNumber is { } line
                ? Texts.Say($"Malformed or mistyped JSON near line {line + 1}, position {json.BytePositionInLine + 1}.")
                : Texts.Say("Malformed or mistyped JSON."),
        },
        BadHttpRequestException badRequest when ParameterProblem(badRequest.Message) is { } field => new HttpValidationProblemDetails(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [field.Name] = [field.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = ProblemTypes.Validation.Title,
        },
        BadHttpRequestException badRequest => new ProblemDetails
        {
            Status = badRequest.StatusCode,
            Title = "The request could not be read.",
            Detail = badRequest.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => Texts.Say("The request body is too large."),
                StatusCodes.Status415UnsupportedMediaType => Texts.Say("Send the body as application/json, encoded in UTF-8."),
                _ => Texts.Say("The request is malformed."),
            },
        },
        NotFoundException notFound => Problem(ProblemTypes.NotFound, Texts.Say(notFound.Text)),
        GoneException gone => Problem(ProblemTypes.Gone, Texts.Say(gone.Text)),
        FileTooLargeException tooLarge => Problem(ProblemTypes.PayloadTooLarge, Texts.Say(tooLarge.Text)),
        UnsupportedFileTypeException unsupported => Problem(ProblemTypes.UnsupportedMediaType, Texts.Say(unsupported.Text)),
        FeatureUnavailableException unavailable => Problem(StatusCodes.Status404NotFound, "Not available in this deployment.", Texts.Say(unavailable.Text)),
        AuthenticationFailedException failed => Problem(StatusCodes.Status401Unauthorized, "Sign-in failed.", Texts.Say(failed.Text)),
        ForbiddenException forbidden => Problem(ProblemTypes.Forbidden, Texts.Say(forbidden.Text)),
        TooManyRequestsException tooMany => Problem(ProblemTypes.RateLimited, Texts.Say(tooMany.Text)),
        PreconditionRequiredException required => Problem(ProblemTypes.PreconditionRequired, Texts.Say(required.Text)),
        PreconditionFailedException or ConcurrentChangeException =>
            Problem(ProblemTypes.PreconditionFailed, Texts.Say(((ExplainedException)exception).Text)),
        DomainException domain => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Type = ProblemTypes.StateConflict.Uri,
            Title = ProblemTypes.StateConflict.Title,
            Detail = Texts.Say(domain.Text),
            Extensions = new Dictionary<string, object?>(domain.Details) { ["code"] = domain.Code },
        },
        ConcurrentDuplicateException duplicate => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Type = ProblemTypes.ConcurrentDuplicate.Uri,
            Title = ProblemTypes.ConcurrentDuplicate.Title,
            Detail = Texts.Say(duplicate.Text),
            Extensions = { ["code"] = ConcurrentDuplicateException.Code },
        },
        UnstorableValueException unstorable => Problem(StatusCodes.Status400BadRequest, "The request holds a value that cannot be stored.", Texts.Say(unstorable.Text)),
        ServiceUnavailableException { Dependency: QueryAdmission.Busy } =>
            Problem(ProblemTypes.ServiceUnavailable, Texts.Say($"Too many requests are being answered. Retry in {RetryAfterSeconds} seconds.")),
        ServiceUnavailableException => Problem(ProblemTypes.ServiceUnavailable, Texts.Say($"The database cannot be reached. Retry in {RetryAfterSeconds} seconds.")),
        _ => Problem(ProblemTypes.ServerError, null),
    };

    private static ProblemDetails Problem(int status, string title, string? detail) => new() { Status = status, Title = title, Detail = detail };

    /// <summary>A problem of one of our kinds: its type, status and title from <see cref="ProblemTypes"/>.</summary>
    private static ProblemDetails Problem(ProblemTypes.Kind kind, string? detail) =>
        new() { Type = kind.Uri, Status = kind.Status, Title = kind.Title, Detail = detail };

    // The framework names parameters with their C# types ("Nullable<Guid> id"); clients see the name only.
    [System.Text.RegularExpressions.GeneratedRegex("""^(?:Failed to bind parameter|Required parameter) "(?:[^"]* )?(?<name>\w+)" (?:from "(?<value>.*)"|was not provided from (?<source>\w+))""")]
    private static partial System.Text.RegularExpressions.Regex ParameterMessage();

    private static (string Name, string Message)? ParameterProblem(string message)
    {
        var match = ParameterMessage().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        if (match.Groups["source"].Value == "body")
        {
            return ("$", Texts.Say("A JSON request body is required."));
        }

        return match.Groups["value"].Success
            ? (name, Texts.Say("The value is not valid for this parameter."))
            : (name, Texts.Say("The parameter is required."));
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Database unavailable ({ExceptionType}) for {Method} {Path}")]
    private static partial void LogUnavailable(ILogger logger, string exceptionType, string method, string path);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Query refused after waiting CustomerCare:Pipeline:QueryQueueTimeout for its turn, for {Method} {Path}")]
    private static partial void LogQueriesQueued(ILogger logger, string method, string path);
}
