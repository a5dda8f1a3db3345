using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.CustomerGrades.Commands.DeleteCustomerGrade;
using CustomerCare.Application.CustomerGrades.Commands.PutCustomerGrade;
using CustomerCare.Application.CustomerGrades.Queries.GetCustomerGrade;
using CustomerCare.Application.CustomerGrades.Queries.ListCustomerGrades;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class CustomerGrades : IEndpointGroup
{
    private const string Use =
        "The grades customers are given (`grade` on a customer; an unknown one, or a retired one the customer does not have " +
        "already, is a 400 naming `grade`). A key grade (`isKey`) makes its customers key customers: their complaints run on " +
        "the shorter key-customer targets (`keyCustomerTargets` of the SLA policy) and show `keyCustomer`, and a follow-up " +
        "plan can be set for them. A grade customers have is retired (`active: false`), never deleted: they keep it.";

    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/customer-grades").WithTags("Customer grades").ProducesAuthProblems();

        group.MapGet("/", ListCustomerGrades).WithName(nameof(ListCustomerGrades)).RequireAuthorization(Policies.Staff)
            .WithSummary("The customer grades by code, with names in English and Simplified Chinese and whether they are key grades (active ones unless includeInactive; search finds text in the code or either name)")
            .WithDescription(Use).ProducesValidationProblem();
        group.MapGet("/{code}", GetCustomerGrade).WithName(nameof(GetCustomerGrade)).RequireAuthorization(Policies.Staff)
            .WithSummary("One customer grade (ETag: its version)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{code}", PutCustomerGrade).WithName(nameof(PutCustomerGrade)).RequireAuthorization(Policies.Admin)
            .WithSummary("Create or replace a customer grade (If-Match optional); `key: true` makes it a key grade, `active: false` retires it")
            .WithDescription(Use)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/{code}", DeleteCustomerGrade).WithName(nameof(DeleteCustomerGrade)).RequireAuthorization(Policies.Admin)
            .WithSummary("Delete a grade no customer has (If-Match optional); one in use is retired instead (409 with `customers`, how many have it)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    public static async Task<Ok<IReadOnlyList<CustomerGradeDto>>> ListCustomerGrades(
        ISender sender, CancellationToken ct, bool includeInactive = false, [MaxLength(ClassificationTerm.NameMaxLength)] string? search = null) =>
        TypedResults.Ok(await sender.Send(new ListCustomerGradesQuery(includeInactive, search), ct));

    public static async Task<Ok<CustomerGradeDto>> GetCustomerGrade(
        [MaxLength(ClassificationTerm.CodeMaxLength), RegularExpression(ClassificationTerm.CodePattern)] string code, HttpContext http, ISender sender,
        CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetCustomerGradeQuery(code), ct));

    public static async Task<Ok<CustomerGradeDto>> PutCustomerGrade(
        [MaxLength(ClassificationTerm.CodeMaxLength), RegularExpression(ClassificationTerm.CodePattern)] string code, CustomerGradeInput request, HttpContext http,
        ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new PutCustomerGradeCommand(code, request, ETags.ExpectedVersion(http)), ct));

    public static async Task<NoContent> DeleteCustomerGrade(
        [MaxLength(ClassificationTerm.CodeMaxLength), RegularExpression(ClassificationTerm.CodePattern)] string code, HttpContext http, ISender sender,
        CancellationToken ct)
    {
        await sender.Send(new DeleteCustomerGradeCommand(code, ETags.ExpectedVersion(http)), ct);
        return TypedResults.NoContent();
    }
}
