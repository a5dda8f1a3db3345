using System.Security.Cryptography;
using System.Text;
using CustomerCare.Api.Infrastructure.Errors;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Localization;
using CustomerCare.Domain.Common;
using CustomerCare.Infrastructure.Diagnostics;

namespace CustomerCare.Api.Infrastructure.Limits;

/// <summary>
/// The Idempotency-Key header (IETF draft) on POST: the same key with the same request gets the first response again
/// (status, body, Location, ETag; marked <c>Idempotent-Replayed: true</c>); the same key with another request gets 422;
/// a retry while the first is still running waits for its response (409 after <c>InFlightWait</c>). Keys belong to the
/// signed-in caller or partner. The request runs in one transaction with its key (claimed first, response stored last,
/// one commit): responses the server failed on (5xx), that ask to come back later (408, 429) or that nobody received
/// because the client went away mid-request (499) are rolled back with everything the request did, so that a retry is
/// processed anew.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    private static readonly string[] ReplayedHeaders = ["Content-Type", "Location", "ETag", "Retry-After"];

    public async Task InvokeAsync(HttpContext context, IIdempotencyStore store, ICurrentUser user, IProblemDetailsService problems, CustomerCareMetrics metrics)
    {
        if (!(HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPatch(context.Request.Method))
            || !context.Request.Headers.TryGetValue(HeaderName, out var values)
            || context.GetEndpoint() is null
            || Scope(user) is not { } scope)
        {
            await next(context);
            return;
        }

        if (Parse(values) is not { } key)
        {
            await WriteProblemAsync(context, problems, ProblemTypes.Validation,
                "Send one Idempotency-Key of 1 to 255 visible ASCII characters (a UUID is a good choice).");
            return;
        }

        var fingerprint = await FingerprintAsync(context.Request, context.RequestAborted);
        var claim = await store.ClaimAsync(scope, key, fingerprint, context.RequestAborted);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Mismatch:
                await WriteProblemAsync(context, problems, ProblemTypes.IdempotencyKeyReused,
                    "This Idempotency-Key was used with a different request; use a new key for a new request.");
                return;
            case IdempotencyOutcome.InFlight:
                context.Response.Headers.RetryAfter = "1";
                await WriteProblemAsync(context, problems, ProblemTypes.RequestInProgress,
                    "The first request with this Idempotency-Key is still being processed; retry shortly to get its response.");
                return;
            case IdempotencyOutcome.Replay when claim.Response!.StatusCode == StatusCodes.Status410Gone:
                // The stored response named a customer since erased: answered afresh, as every problem is (type, instance, traceId).
                metrics.IdempotentReplay();
                context.Response.Headers[ReplayedHeader] = "true";
                await WriteProblemAsync(context, problems, ProblemTypes.Gone,
                    "The response kept for this Idempotency-Key named a customer whose personal data was erased. The request was processed once and is not processed again.");
                return;
            case IdempotencyOutcome.Replay:
                metrics.IdempotentReplay();
                await ReplayAsync(context, claim.Response!);
                return;
        }

        await ProcessAsync(context, store, scope, key);
    }

    private async Task ProcessAsync(HttpContext context, IIdempotencyStore store, string scope, string key)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var finished = false;
        try
        {
            await next(context);
            finished = true;
        }
        finally
        {
            context.Response.Body = original;
            if (!finished)
            {
                await store.ReleaseAsync(scope, key, CancellationToken.None);
            }
        }

        var status = context.Response.StatusCode;
        if (status is >= 500 or StatusCodes.Status408RequestTimeout or StatusCodes.Status429TooManyRequests or StatusCodes.Status499ClientClosedRequest)
        {
            await store.ReleaseAsync(scope, key, CancellationToken.None);
        }
        else
        {
            var headers = ReplayedHeaders
                .Where(h => context.Response.Headers.ContainsKey(h))
                .ToDictionary(h => h, h => context.Response.Headers[h].ToString(), StringComparer.OrdinalIgnoreCase);
            // Stored and committed with the request's work even if the client has gone meanwhile: its retry must find
            // this response, not run the request again.
            await store.CompleteAsync(scope, key, new StoredResponse(status, headers, buffer.ToArray()), CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.Headers[ReplayedHeader] = "true";
        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    private static string? Scope(ICurrentUser user) => user switch
    {
        { Kind: CallerKind.Staff, Id: { } id } => $"staff:{id}",
        { Kind: CallerKind.Partner, Id: { } id } => $"partner:{id}",
        _ => null, // anonymous POSTs (sign-in) are not creating anything a retry could duplicate
    };

    /// <summary>The key as a plain token or as a structured-field string (<c>"…"</c>, as the draft defines it).</summary>
    internal static string? Parse(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count != 1 || values[0] is not { } raw)
        {
            return null;
        }

        var key = raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' ? raw[1..^1] : raw;
        return key.Length is > 0 and <= 255 && key.All(c => c is >= '!' and <= '~') ? key : null;
    }

    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static async Task WriteProblemAsync(HttpContext context, IProblemDetailsService problems, ProblemTypes.Kind kind, LocalizableText text)
    {
        context.Response.StatusCode = kind.Status;
        var detail = Texts.Say(text);
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Type = kind.Uri, Status = kind.Status, Title = kind.Title, Detail = detail };
        if (kind == ProblemTypes.RequestInProgress)
        {
            problem.Extensions["code"] = "idempotency.inProgress";
        }
        else if (kind == ProblemTypes.Validation)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]>(StringComparer.Ordinal) { [HeaderName] = [detail] };
        }

        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
