using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Categories.Commands.DeleteCategory;
using CustomerCare.Application.Categories.Commands.PutCategory;
using CustomerCare.Application.Categories.Queries.GetCategory;
using CustomerCare.Application.Categories.Queries.ListCategories;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class Categories : IEndpointGroup
{
    private const string Use =
        "Receiving, registering and reclassifying a complaint take an active category's code (an unknown or retired one is a 400 " +
        "naming `category`); registration routes the complaint to the category's department. A category complaints have is " +
        "retired (`active: false`), never deleted: they keep it.";

    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/categories").WithTags("Categories").ProducesAuthProblems();

        group.MapGet("/", ListCategories).WithName(nameof(ListCategories)).RequireAuthorization(Policies.Staff)
            .WithSummary("The complaint categories by code, with their names and the department each routes to (active ones unless includeInactive; search finds text in the code or either name)")
            .WithDescription(Use).ProducesValidationProblem();
        group.MapGet("/{code}", GetCategory).WithName(nameof(GetCategory)).RequireAuthorization(Policies.Staff)
            .WithSummary("One complaint category (ETag: its version)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{code}", PutCategory).WithName(nameof(PutCategory)).RequireAuthorization(Policies.Admin)
            .WithSummary("Create or replace a complaint category (If-Match optional); `active: false` retires it")
            .WithDescription(Use)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/{code}", DeleteCategory).WithName(nameof(DeleteCategory)).RequireAuthorization(Policies.Admin)
            .WithSummary("Delete a category no complaint has (If-Match optional); one in use is retired instead (409 with `complaints`, how many have it)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    public static async Task<Ok<IReadOnlyList<CategoryDto>>> ListCategories(
        ISender sender, CancellationToken ct, bool includeInactive = false, [MaxLength(ClassificationTerm.NameMaxLength)] string? search = null) =>
        TypedResults.Ok(await sender.Send(new ListCategoriesQuery(includeInactive, search), ct));

    public static async Task<Ok<CategoryDto>> GetCategory(
        [MaxLength(ClassificationTerm.CodeMaxLength), RegularExpression(ClassificationTerm.CodePattern)] string code, HttpContext http, ISender sender,
        CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetCategoryQuery(code), ct));

    public static async Task<Ok<CategoryDto>> PutCategory(
        [MaxLength(ClassificationTerm.CodeMaxLength), RegularExpression(ClassificationTerm.CodePattern)] string code, CategoryInput request, HttpContext http,
        ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new PutCategoryCommand(code, request, ETags.ExpectedVersion(http)), ct));

    public static async Task<NoContent> DeleteCategory(
        [MaxLength(ClassificationTerm.CodeMaxLength), RegularExpression(ClassificationTerm.CodePattern)] string code, HttpContext http, ISender sender,
        CancellationToken ct)
    {
        await sender.Send(new DeleteCategoryCommand(code, ETags.ExpectedVersion(http)), ct);
        return TypedResults.NoContent();
    }
}
