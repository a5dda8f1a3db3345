using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.OpenApi;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Webhooks.Commands.CreateWebhook;
using CustomerCare.Application.Webhooks.Commands.DeleteWebhook;
using CustomerCare.Application.Webhooks.Commands.ResendWebhookDelivery;
using CustomerCare.Application.Webhooks.Commands.RotateWebhookSecret;
using CustomerCare.Application.Webhooks.Commands.UpdateWebhook;
using CustomerCare.Application.Webhooks.Queries.GetWebhook;
using CustomerCare.Application.Webhooks.Queries.ListWebhookDeliveries;
using CustomerCare.Application.Webhooks.Queries.ListWebhooks;
using CustomerCare.Domain.Webhooks;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class Webhooks : IEndpointGroup
{
    private const string Signing =
        "Each delivery is a POST of JSON `{id, type, occurredAt, data}` signed as in the Standard Webhooks specification: " +
        "headers `webhook-id` (the delivery id: the same on every retry, use it to drop duplicates), `webhook-timestamp` " +
        "(Unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256>` of `{webhook-id}.{webhook-timestamp}.{body}` keyed " +
        "with the base64-decoded part of the secret after `whsec_`; `webhook-event-type` names the event. Answer 2xx to " +
        "acknowledge. Events of one complaint arrive in order; delivery is at least once.";

    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.AdminOrPartner).ProducesAuthProblems();

        group.MapGet("/", ListWebhooks).WithName(nameof(ListWebhooks))
            .WithSummary("Webhook subscriptions: all for an administrator, its own for a partner").ProducesValidationProblem();
        group.MapPost("/", CreateWebhook).WithName(nameof(CreateWebhook))
            .WithSummary($"Subscribe a URL to complaint events ({string.Join(", ", WebhookEventTypes.All)}); the signing secret is shown once")
            .WithDescription("A partner hears about its own complaints only, and only of public timeline entries: its subscription " +
                $"may ask for {string.Join(", ", WebhookEventTypes.Public)} (others are a 400), and its bodies carry no " +
                "`assigneeId` or `responsibleDepartmentId`. An administrator subscribes for a partner (`partnerId`, the same rules) " +
                "or, without one, for every complaint and event. " + Signing)
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetWebhook).WithName(nameof(GetWebhook))
            .WithSummary("One subscription").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapPut("/{id:guid}", UpdateWebhook).WithName(nameof(UpdateWebhook))
            .WithSummary("Change URL, event types, description or active flag (If-Match optional)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/{id:guid}", DeleteWebhook).WithName(nameof(DeleteWebhook))
            .WithSummary("End a subscription, with its deliveries").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapPost("/{id:guid}/rotate-secret", RotateWebhookSecret).WithName(nameof(RotateWebhookSecret))
            .WithSummary("A new signing secret, shown once; deliveries from now on are signed with it").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/deliveries", ListWebhookDeliveries).WithName(nameof(ListWebhookDeliveries))
            .WithSummary("Deliveries, newest event first, with every attempt and the receiver's answer")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/resend", ResendWebhookDelivery).WithName(nameof(ResendWebhookDelivery))
            .WithMetadata(new AcceptedLocation("The subscription's deliveries, where the re-sent one is followed."))
            .WithSummary("Send a dead delivery again, with a fresh attempt budget (409 unless it is dead)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<Ok<PagedList<WebhookDto>>> ListWebhooks(
        ISender sender, CancellationToken ct, Guid? partnerId = null, [Range(1, Paging.MaxPage)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListWebhooksQuery(partnerId, page, pageSize), ct));

    public static async Task<Created<WebhookWithSecretDto>> CreateWebhook(CreateWebhookInput input, HttpContext http, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new CreateWebhookCommand(input), ct);
        ETags.Set(http, created.Webhook.Version);
        return TypedResults.Created($"{EndpointGroupExtensions.VersionPrefix}/webhooks/{created.Webhook.Id}", created);
    }

    public static async Task<Ok<WebhookDto>> GetWebhook(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetWebhookQuery(id), ct));

    public static async Task<Ok<WebhookDto>> UpdateWebhook(Guid id, UpdateWebhookInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new UpdateWebhookCommand(id, input, ETags.ExpectedVersion(http)), ct));

    public static async Task<NoContent> DeleteWebhook(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteWebhookCommand(id), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<WebhookWithSecretDto>> RotateWebhookSecret(Guid id, HttpContext http, ISender sender, CancellationToken ct)
    {
        var rotated = await sender.Send(new RotateWebhookSecretCommand(id), ct);
        ETags.Set(http, rotated.Webhook.Version);
        return TypedResults.Ok(rotated);
    }

    public static async Task<Ok<PagedList<WebhookDeliveryDto>>> ListWebhookDeliveries(
        Guid id, ISender sender, CancellationToken ct,
        [EnumQuery(typeof(WebhookDeliveryStatus))] string? status = null, Guid? complaintId = null, [Range(1, Paging.MaxPage)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListWebhookDeliveriesQuery(
            id, EnumQuery.Parse<WebhookDeliveryStatus>(status, nameof(status)), complaintId, page, pageSize), ct));

    public static async Task<Accepted> ResendWebhookDelivery(Guid id, Guid deliveryId, ISender sender, CancellationToken ct)
    {
        await sender.Send(new ResendWebhookDeliveryCommand(id, deliveryId), ct);
        return TypedResults.Accepted($"{EndpointGroupExtensions.VersionPrefix}/webhooks/{id}/deliveries");
    }
}

/// <summary>A subscription: where to, which events, and (administrators only) for which partner.</summary>
