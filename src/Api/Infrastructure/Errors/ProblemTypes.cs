using Microsoft.AspNetCore.Mvc;

namespace CustomerCare.Api.Infrastructure.Errors;

/// <summary>
/// Every kind of problem the API answers with, each with a stable <c>type</c> URI (RFC 9457 §3.1.1): a client tells
/// kinds apart by <c>type</c>, never by <c>title</c> or <c>detail</c> (those are for people, and localised). The URIs are
/// relative references under <c>/problems/</c>, where the API serves a page describing each kind; the contract
/// declares one schema per kind (<see cref="OpenApi.ProblemSchemasDocumentFilter"/>).
/// </summary>
public static class ProblemTypes
{
    public const string BasePath = "/problems/";

    public sealed record Kind(string Name, int Status, string Schema, string Title, string Description)
    {
        public string Uri => BasePath + Name;
    }

    public static readonly Kind Validation = new("validation", 400, "ValidationProblem", "One or more validation errors occurred.",
        "The request was refused as it was sent: a field is missing, too long, out of range or malformed, the body is not valid JSON, or a parameter cannot be read. `errors` maps each field (a JSON path for the body, `$` for the body as a whole) to what is wrong with it. Fix the request; sending it again unchanged gives the same answer.");

    public static readonly Kind Unauthorized = new("unauthorized", 401, "UnauthorizedProblem", "Unauthorized",
        "No credentials, or credentials not accepted: the token is invalid, expired or its session ended, or the API key is unknown, revoked or expired. Sign in again (POST /api/v1/auth/token) or use a valid X-Api-Key.");

    public static readonly Kind Forbidden = new("forbidden", 403, "ForbiddenProblem", "Not within your authority.",
        "You are signed in, but your role or your relation to the resource does not allow this operation.");

    public static readonly Kind NotFound = new("not-found", 404, "NotFoundProblem", "The resource was not found.",
        "Nothing with this identifier exists, or nothing that you may see: a resource you may not see is answered as if it did not exist.");

    public static readonly Kind StateConflict = new("state-conflict", 409, "ConflictProblem", "The request conflicts with the current state of the resource.",
        "A business rule forbids the change now. `code` names the rule (stable, e.g. `complaint.invalidTransition`); for a state machine `currentStatus` is the state the resource is in, `attemptedAction` what was tried and `allowedActions` (or `allowedStatuses`) what is allowed now.");

    public static readonly Kind ConcurrentDuplicate = new("concurrent-duplicate", 409, "ConflictProblem", "The request conflicts with a concurrent change.",
        "Another request created the same unique thing (an external reference, an e-mail address, a code) at the same moment. Read the resource and decide; `code` is `concurrent.duplicate`.");

    public static readonly Kind RequestInProgress = new("request-in-progress", 409, "ConflictProblem", "Request in progress.",
        "The first request with this Idempotency-Key was still being processed after the wait for it (10 s by default). Retry after the seconds in Retry-After to get its response; `code` is `idempotency.inProgress`.");

    public static readonly Kind Gone = new("gone", 410, "GoneProblem", "No longer available.",
        "The resource existed but is no longer available (an expired or answered survey invitation, an erased record).");

    public static readonly Kind PreconditionFailed = new("precondition-failed", 412, "PreconditionFailedProblem", "The resource was changed by someone else.",
        "The If-Match sent is not the resource's current ETag: someone changed it since you read it. Read it again (GET), look at what changed, and repeat the change with the new ETag.");

    public static readonly Kind PayloadTooLarge = new("payload-too-large", 413, "PayloadTooLargeProblem", "The request body is too large.",
        "The body exceeds the size this operation accepts (configurable, `CustomerCare:Limits:MaxRequestBodyBytes`). Send less, or split an import.");

    public static readonly Kind UnsupportedMediaType = new("unsupported-media-type", 415, "UnsupportedMediaTypeProblem", "Unsupported media type.",
        "The body's Content-Type or character set is not one this operation reads: send application/json encoded in UTF-8 (or, for an import, NDJSON or CSV in UTF-8).");

    public static readonly Kind IdempotencyKeyReused = new("idempotency-key-reused", 422, "IdempotencyKeyReusedProblem", "Idempotency-Key reused.",
        "This Idempotency-Key was used with a different request (another body or path). Use a new key for a new request.");

    public static readonly Kind PreconditionRequired = new("precondition-required", 428, "PreconditionRequiredProblem", "If-Match is required.",
        "This operation changes a resource others may change too: send the ETag you read (GET) as If-Match, so that a change made in between is not overwritten.");

    public static readonly Kind RateLimited = new("rate-limited", 429, "RateLimitProblem", "Too many requests.",
        "The caller's request rate limit (or, for sign-in and password changes, the limit of guesses) was reached. Wait for the seconds in Retry-After.");

    public static readonly Kind ServerError = new("server-error", 500, "ServerErrorProblem", "An unexpected error occurred.",
        "A fault of the API itself, logged with the `traceId` the body carries: quote it when you report the problem. Internals are never sent.");

    public static readonly Kind ServiceUnavailable = new("service-unavailable", 503, "ServiceUnavailableProblem", "The service is temporarily unavailable.",
        "The database cannot be reached or did not answer in time, or a read waited too long for its turn among the queries running at once; nothing was changed. Retry after the seconds in Retry-After.");

    public static readonly IReadOnlyList<Kind> All =
    [
        Validation, Unauthorized, Forbidden, NotFound, StateConflict, ConcurrentDuplicate, RequestInProgress, Gone, PreconditionFailed,
        PayloadTooLarge, UnsupportedMediaType, IdempotencyKeyReused, PreconditionRequired, RateLimited, ServerError, ServiceUnavailable,
    ];

    /// <summary>The kind a status has when nothing more specific was said (409 is a state conflict unless the writer chose otherwise).</summary>
    public static Kind? ForStatus(int status) => All.FirstOrDefault(k => k.Status == status);

    public static Kind? Named(string name) => All.FirstOrDefault(k => k.Name == name);

    /// <summary>
    /// Gives a problem its kind's <c>type</c> (unless its writer chose a kind of ours), and every 400 an <c>errors</c>
    /// map, so that a client reads one shape per status.
    /// </summary>
    public static void Apply(ProblemDetails problem)
    {
        if (problem.Status is not { } status)
        {
            return;
        }

        if (problem.Type is null || !problem.Type.StartsWith(BasePath, StringComparison.Ordinal))
        {
            problem.Type = ForStatus(status)?.Uri ?? "about:blank";
        }

        if (status == StatusCodes.Status400BadRequest && problem is not HttpValidationProblemDetails && !problem.Extensions.ContainsKey("errors"))
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["$"] = [problem.Detail ?? problem.Title ?? "The request is malformed."],
            };
        }
    }
}
