using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Causes.Commands.DeleteCause;
using CustomerCare.Application.Causes.Commands.PutCause;
using CustomerCare.Application.Causes.Queries.GetCause;
using CustomerCare.Application.Causes.Queries.ListCauses;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class Causes : IEndpointGroup
{
    private const string Use =
        "The cause taxonomy investigations code their causes by (`cause` on an investigation, required when the complaint is " +
        "genuine; an unknown or retired one is a 400 naming `cause`); reports and hotspots group by it. A cause investigations " +
        "found is retired (`active: false`), never deleted: they keep it.";

    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/causes").WithTags("Causes").ProducesAuthProblems();

        group.MapGet("/", ListCauses).WithName(nameof(ListCauses)).RequireAuthorization(Policies.Staff)
            .WithSummary("The cause taxonomy by code, with names in English and Simplified Chinese (active ones unless includeInactive; search finds text in the code or either name)")
            .WithDescription(Use).ProducesValidationProblem();
        group.MapGet("/{code}", GetCause).WithName(nameof(GetCause)).RequireAuthorization(Policies.Staff)
            .WithSummary("One cause of the taxonomy (ETag: its version)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{code}", PutCause).WithName(nameof(PutCause)).RequireAuthorization(Policies.Admin)
            .WithSummary("Create or replace a cause (If-Match optional); `active: false` retires it")
            .WithDescription(Use)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/{code}", DeleteCause).WithName(nameof(DeleteCause)).RequireAuthorization(Policies.Admin)
            .WithSummary("Delete a cause no investigation found (If-Match optional); one in use is retired instead (409 with `complaints`, how many have it)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    public static async Task<Ok<IReadOnlyList<CauseDto>>> ListCauses(
        ISender sender, CancellationToken ct, bool includeInactive = false, [MaxLength(ClassificationTerm.NameMaxLength)] string? search = null) =>
        TypedResults.Ok(await sender.Send(new ListCausesQuery(includeInactive, search), ct));

    public static async Task<Ok<CauseDto>> GetCause(
        [MaxLength(ClassificationTerm.CodeMaxLength), RegularExpression(ClassificationTerm.CodePattern)] string code, HttpContext http, ISender sender,
        CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetCauseQuery(code), ct));

    public static async Task<Ok<CauseDto>> PutCause(
        [MaxLength(ClassificationTerm.CodeMaxLength), RegularExpression(ClassificationTerm.CodePattern)] string code, CauseInput request, HttpContext http,
        ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new PutCauseCommand(code, request, ETags.ExpectedVersion(http)), ct));

    public static async Task<NoContent> DeleteCause(
        [MaxLength(ClassificationTerm.CodeMaxLength), RegularExpression(ClassificationTerm.CodePattern)] string code, HttpContext http, ISender sender,
        CancellationToken ct)
    {
        await sender.Send(new DeleteCauseCommand(code, ETags.ExpectedVersion(http)), ct);
        return TypedResults.NoContent();
    }
}
