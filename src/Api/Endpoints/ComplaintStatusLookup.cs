using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Application.Complaints.Commands.LookUpComplaintStatus;
using CustomerCare.Application.Complaints.Commands.RequestStatusCode;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

/// <summary>Customers look up their complaint without an account: number and phone or e-mail, then a one-time code.</summary>
public sealed class ComplaintStatusLookup : IEndpointGroup
{
    private const string Privacy =
        "Answers never tell whether a complaint number or an address exists: a request always gets the same 202, a wrong code " +
        "the same 400. Codes are 6 digits, valid 10 minutes, used once, void after 5 wrong tries; at most 5 code requests and " +
        "10 wrong codes an hour per complaint number and per address (beyond: 429 with Retry-After), on top of the anonymous rate limit.";

    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/complaint-status").WithTags("Complaint status");

        group.MapPost("/codes", RequestStatusCode).WithName(nameof(RequestStatusCode)).AllowAnonymous()
            .WithSummary("Ask for a one-time code (no sign-in): sent by text message to a phone number or by e-mail to an address the complaint was made with")
            .WithDescription(Privacy)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/", LookUpComplaintStatus).WithName(nameof(LookUpComplaintStatus)).AllowAnonymous()
            .WithSummary("With the code: the complaint's status, its public history and the times promised (no sign-in)")
            .WithDescription(Privacy)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    public static async Task<Accepted<StatusCodeRequested>> RequestStatusCode(StatusCodeRequestInput input, HttpContext http, ISender sender, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Accepted((string?)null, await sender.Send(new RequestStatusCodeCommand(input), ct));
    }

    public static async Task<Ok<PublicComplaintStatusDto>> LookUpComplaintStatus(StatusLookupInput input, HttpContext http, ISender sender, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await sender.Send(new LookUpComplaintStatusCommand(input), ct));
    }
}
