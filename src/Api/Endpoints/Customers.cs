using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Customers;
using CustomerCare.Application.Customers.Commands.CreateCustomer;
using CustomerCare.Application.Customers.Commands.EndFollowUpPlan;
using CustomerCare.Application.Customers.Commands.EraseCustomer;
using CustomerCare.Application.Customers.Commands.MergeCustomers;
using CustomerCare.Application.Customers.Commands.PlanFollowUps;
using CustomerCare.Application.Customers.Commands.UpdateCustomer;
using CustomerCare.Application.Customers.Queries.ExportCustomer;
using CustomerCare.Application.Customers.Queries.GetCustomer;
using CustomerCare.Application.Customers.Queries.GetCustomerOverview;
using CustomerCare.Application.Customers.Queries.ListCustomers;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class Customers : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/customers").WithTags("Customers").ProducesAuthProblems();

        group.MapGet("/", ListCustomers).WithName(nameof(ListCustomers)).RequireAuthorization(Policies.Staff)
            .WithSummary("Find customers by phone or e-mail (any format), name words, company or segment; contact details masked")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetCustomer).WithName(nameof(GetCustomer)).RequireAuthorization(Policies.Staff)
            .WithSummary("The full customer record with personal data; the read is written to the access log")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapGet("/{id:guid}/overview", GetCustomerOverview).WithName(nameof(GetCustomerOverview)).RequireAuthorization(Policies.Staff)
            .WithSummary("The 360° view: counts and the latest of the customer's complaints (with average satisfaction), feedback, survey answers and care tasks; the read is logged")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapPost("/", CreateCustomer).WithName(nameof(CreateCustomer)).RequireAuthorization(Policies.Staff)
            .WithSummary("Create a customer; phones are stored in E.164, e-mails in lower case")
            .ProducesValidationProblem();
        group.MapPut("/{id:guid}", UpdateCustomer).WithName(nameof(UpdateCustomer)).RequireAuthorization(Policies.Staff)
            .WithSummary("Replace a customer's profile and contact points (If-Match optional)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/merge", MergeCustomers).WithName(nameof(MergeCustomers)).RequireAuthorization(Policies.SupervisorOrAbove)
            .WithSummary("Merge a duplicate record of the same person into this one (its complaints, feedback, survey answers, care tasks and reward points move); the merge is recorded")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}/follow-up-plan", PlanFollowUps).WithName(nameof(PlanFollowUps)).RequireAuthorization(Policies.SupervisorOrAbove)
            .WithSummary("Set a key customer's follow-up plan: a contact every N months from a first day (If-Match optional)")
            .WithDescription("The first contact becomes a care task of kind `keyCustomerContact` due on `firstOn`, owned by `ownerId`; each " +
                "one done or cancelled schedules the next `everyMonths` months after it. Setting the plan again moves the open contact. " +
                "A customer whose grade is not a key grade: 409 (`customer.notKey`); their grade ceasing to be key ends the plan.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/{id:guid}/follow-up-plan", EndFollowUpPlan).WithName(nameof(EndFollowUpPlan)).RequireAuthorization(Policies.SupervisorOrAbove)
            .WithSummary("End the customer's follow-up plan (If-Match optional); its open planned contact is cancelled")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/{id:guid}/export", ExportCustomer).WithName(nameof(ExportCustomer)).RequireAuthorization(Policies.Admin)
            .WithSummary("Everything held about the customer as one JSON document (access request); the export is logged")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapPost("/{id:guid}/erase", EraseCustomer).WithName(nameof(EraseCustomer)).RequireAuthorization(Policies.Admin)
            .WithSummary("Anonymise the customer's personal data for good; the record and its statistics stay")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<PagedList<CustomerSummaryDto>>> ListCustomers(
        ISender sender, CancellationToken ct, [MaxLength(Customer.NameMaxLength)] string? name = null, [MaxLength(ContactPoint.ValueMaxLength)] string? phone = null,
        [MaxLength(ContactPoint.ValueMaxLength)] string? email = null, [MaxLength(Paging.MaxSearchLength)] string? company = null,
        [MaxLength(Customer.SegmentMaxLength)] string? segment = null, [MaxLength(ClassificationTerm.CodeMaxLength)] string? grade = null,
        bool includeInactive = false, [Range(1, Paging.MaxPage)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListCustomersQuery(name, phone, email, company, segment, includeInactive, page, pageSize, grade), ct));

    public static async Task<Ok<CustomerDto>> PlanFollowUps(Guid id, FollowUpPlanInput request, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new PlanFollowUpsCommand(id, request, ETags.ExpectedVersion(http)), ct));

    public static async Task<NoContent> EndFollowUpPlan(Guid id, HttpContext http, ISender sender, CancellationToken ct)
    {
        await sender.Send(new EndFollowUpPlanCommand(id, ETags.ExpectedVersion(http)), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<CustomerDto>> GetCustomer(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetCustomerQuery(id), ct));

    public static async Task<Ok<CustomerOverviewDto>> GetCustomerOverview(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCustomerOverviewQuery(id), ct));

    public static async Task<Created<CustomerDto>> CreateCustomer(CustomerInput request, HttpContext http, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new CreateCustomerCommand(request), ct);
        ETags.Set(http, created.Version);
        return TypedResults.Created($"{EndpointGroupExtensions.VersionPrefix}/customers/{created.Id}", created);
    }

    public static async Task<Ok<CustomerDto>> UpdateCustomer(Guid id, CustomerInput request, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new UpdateCustomerCommand(id, request, ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<CustomerDto>> MergeCustomers(Guid id, MergeCustomersInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new MergeCustomersCommand(id, input), ct));

    public static async Task<Ok<CustomerExportDto>> ExportCustomer(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ExportCustomerQuery(id), ct));

    public static async Task<NoContent> EraseCustomer(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new EraseCustomerCommand(id), ct);
        return TypedResults.NoContent();
    }

}

/// <summary>The record to merge into the one named in the route.</summary>
