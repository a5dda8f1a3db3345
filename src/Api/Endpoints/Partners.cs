using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Partners;
using CustomerCare.Application.Partners.Commands.CreatePartner;
using CustomerCare.Application.Partners.Commands.IssuePartnerKey;
using CustomerCare.Application.Partners.Commands.RevokePartnerKey;
using CustomerCare.Application.Partners.Commands.RotatePartnerKey;
using CustomerCare.Application.Partners.Commands.SetPartnerActive;
using CustomerCare.Application.Partners.Commands.UpdatePartner;
using CustomerCare.Application.Partners.Queries.GetPartner;
using CustomerCare.Application.Partners.Queries.ListPartnerKeys;
using CustomerCare.Application.Partners.Queries.ListPartners;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class Partners : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/partners").WithTags("Partners").RequireAuthorization(Policies.Admin).ProducesAuthProblems();

        group.MapGet("/", ListPartners).WithName(nameof(ListPartners))
            .WithSummary("List partner systems").ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetPartner).WithName(nameof(GetPartner))
            .WithSummary("Get a partner system").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapPost("/", CreatePartner).WithName(nameof(CreatePartner))
            .WithSummary("Register a partner system (then issue it a key)").ProducesValidationProblem();
        group.MapPut("/{id:guid}", UpdatePartner).WithName(nameof(UpdatePartner))
            .WithSummary("Rename a partner system (If-Match optional)").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/deactivate", DeactivatePartner).WithName(nameof(DeactivatePartner))
            .WithSummary("Deactivate a partner system: none of its keys is accepted while inactive").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/activate", ActivatePartner).WithName(nameof(ActivatePartner))
            .WithSummary("Reactivate a partner system").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/keys", ListPartnerKeys).WithName(nameof(ListPartnerKeys))
            .WithSummary("A partner's API keys (prefixes and status, never the secrets)").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapPost("/{id:guid}/keys", IssuePartnerKey).WithName(nameof(IssuePartnerKey))
            .WithSummary("Issue an API key; the response shows the key once, only its hash is kept")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/keys/{keyId:guid}/revoke", RevokePartnerKey).WithName(nameof(RevokePartnerKey))
            .WithSummary("Revoke an API key at once").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/keys/{keyId:guid}/rotate", RotatePartnerKey).WithName(nameof(RotatePartnerKey))
            .WithSummary("Replace an API key: the new key is shown once; the old one works for the grace period (default 24 h)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<Ok<PagedList<PartnerDto>>> ListPartners(
        ISender sender, CancellationToken ct, [MaxLength(Paging.MaxSearchLength)] string? search = null, bool includeInactive = false, [Range(1, Paging.MaxPage)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListPartnersQuery(search, includeInactive, page, pageSize), ct));

    public static async Task<Ok<PartnerDto>> GetPartner(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetPartnerQuery(id), ct));

    public static async Task<Created<PartnerDto>> CreatePartner(PartnerInput input, HttpContext http, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new CreatePartnerCommand(input), ct);
        ETags.Set(http, created.Version);
        return TypedResults.Created($"{EndpointGroupExtensions.VersionPrefix}/partners/{created.Id}", created);
    }

    public static async Task<Ok<PartnerDto>> UpdatePartner(Guid id, PartnerInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new UpdatePartnerCommand(id, input, ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<PartnerDto>> DeactivatePartner(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new SetPartnerActiveCommand(id, Active: false), ct));

    public static async Task<Ok<PartnerDto>> ActivatePartner(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new SetPartnerActiveCommand(id, Active: true), ct));

    public static async Task<Ok<IReadOnlyList<PartnerApiKeyDto>>> ListPartnerKeys(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListPartnerKeysQuery(id), ct));

    public static async Task<Created<IssuedApiKeyDto>> IssuePartnerKey(Guid id, IssuePartnerKeyInput? input, ISender sender, CancellationToken ct)
    {
        var issued = await sender.Send(new IssuePartnerKeyCommand(id, input ?? new IssuePartnerKeyInput(null, null)), ct);
        return TypedResults.Created($"{EndpointGroupExtensions.VersionPrefix}/partners/{id}/keys", issued);
    }

    public static async Task<NoContent> RevokePartnerKey(Guid id, Guid keyId, ISender sender, CancellationToken ct)
    {
        await sender.Send(new RevokePartnerKeyCommand(id, keyId), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Created<IssuedApiKeyDto>> RotatePartnerKey(Guid id, Guid keyId, RotatePartnerKeyInput? input, ISender sender, CancellationToken ct)
    {
        var issued = await sender.Send(new RotatePartnerKeyCommand(id, keyId, input ?? new RotatePartnerKeyInput(null)), ct);
        return TypedResults.Created($"{EndpointGroupExtensions.VersionPrefix}/partners/{id}/keys", issued);
    }

}
