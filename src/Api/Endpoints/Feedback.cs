using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.OpenApi;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Feedback.Commands.AcknowledgeFeedback;
using CustomerCare.Application.Feedback.Commands.AnswerFeedback;
using CustomerCare.Application.Feedback.Commands.ReceiveFeedback;
using CustomerCare.Application.Feedback.Commands.StartFeedback;
using CustomerCare.Application.Feedback.Queries.GetFeedback;
using CustomerCare.Application.Feedback.Queries.ListFeedback;
using CustomerCare.Domain.Feedback;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class Feedback : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/feedback").WithTags("Feedback").RequireAuthorization(Policies.Staff).ProducesAuthProblems();

        group.MapGet("/", ListFeedback).WithName(nameof(ListFeedback))
            .WithSummary("Feedback, newest first, by status, kind, customer or handler").ProducesValidationProblem();
        group.MapPost("/", ReceiveFeedback).WithName(nameof(ReceiveFeedback))
            .WithSummary("Record a suggestion, praise, question or idea a customer gave through any channel (→ new)").ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetFeedback).WithName(nameof(GetFeedback))
            .WithSummary("One piece of feedback").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        Change(group, "/{id:guid}/acknowledge", AcknowledgeFeedback, nameof(AcknowledgeFeedback), "The customer was told it arrived: new → acknowledged");
        Change(group, "/{id:guid}/start", StartFeedback, nameof(StartFeedback), "Work starts, by the caller or the handler named: → in progress");
        Change(group, "/{id:guid}/answer", AnswerFeedback, nameof(AnswerFeedback),
            "The customer is told the outcome (→ answered, final): by their preferred channel unless `via` says otherwise; suggestions " +
            "and ideas say whether they were accepted, an accepted one names its improvement action; reward points go to the customer " +
            "(at most CustomerCare:Feedback:Rewards:MaxPerGrant per grant, 400 above; an agent up to AgentMaxPerGrant, above it 403: " +
            "a supervisor grants; at most MaxPerCustomerPerPeriod per customer per Period, 400 beyond; every grant is in the access log)");
    }

    private static void Change(RouteGroupBuilder group, string pattern, Delegate handler, string name, string summary) =>
        group.MapPost(pattern, handler).WithName(name).WithSummary(summary)
            .WithDescription("Send `If-Match` with the feedback's ETag: a stale one gets 412, none gets 428. A move the current state does " +
                "not allow gets 409 with `currentStatus` and `allowedStatuses`.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static async Task<Ok<PagedList<FeedbackDto>>> ListFeedback(
        ISender sender, CancellationToken ct, [EnumQuery(typeof(FeedbackStatus))] string? status = null, [EnumQuery(typeof(FeedbackKind))] string? kind = null,
        Guid? customerId = null, Guid? handlerId = null, [Range(1, Paging.MaxPage)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListFeedbackQuery(
            EnumQuery.Parse<FeedbackStatus>(status, nameof(status)), EnumQuery.Parse<FeedbackKind>(kind, nameof(kind)), customerId, handlerId, page, pageSize), ct));

    public static async Task<Created<FeedbackDto>> ReceiveFeedback(ReceiveFeedbackInput input, HttpContext http, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new ReceiveFeedbackCommand(input), ct);
        ETags.Set(http, created.Version);
        return TypedResults.Created($"{EndpointGroupExtensions.VersionPrefix}/feedback/{created.Id}", created);
    }

    public static async Task<Ok<FeedbackDto>> GetFeedback(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetFeedbackQuery(id), ct));

    public static async Task<Ok<FeedbackDto>> AcknowledgeFeedback(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new AcknowledgeFeedbackCommand(id, ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<FeedbackDto>> StartFeedback(Guid id, StartFeedbackInput? input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new StartFeedbackCommand(id, input ?? new StartFeedbackInput(null), ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<FeedbackDto>> AnswerFeedback(Guid id, AnswerFeedbackInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new AnswerFeedbackCommand(id, input, ETags.ExpectedVersion(http)), ct));
}
