using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Departments;
using CustomerCare.Application.Departments.Commands.CreateDepartment;
using CustomerCare.Application.Departments.Commands.SetDepartmentActive;
using CustomerCare.Application.Departments.Commands.UpdateDepartment;
using CustomerCare.Application.Departments.Queries.GetDepartment;
using CustomerCare.Application.Departments.Queries.ListDepartments;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class Departments : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/departments").WithTags("Departments").ProducesAuthProblems();

        group.MapGet("/", ListDepartments).WithName(nameof(ListDepartments)).RequireAuthorization(Policies.Staff)
            .WithSummary("List departments by name (active ones unless includeInactive)").ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetDepartment).WithName(nameof(GetDepartment)).RequireAuthorization(Policies.Staff)
            .WithSummary("Get a department (ETag: its version)").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapPost("/", CreateDepartment).WithName(nameof(CreateDepartment)).RequireAuthorization(Policies.Admin)
            .WithSummary("Create a department").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", UpdateDepartment).WithName(nameof(UpdateDepartment)).RequireAuthorization(Policies.Admin)
            .WithSummary("Update a department (If-Match: its ETag, optional)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/deactivate", DeactivateDepartment).WithName(nameof(DeactivateDepartment)).RequireAuthorization(Policies.Admin)
            .WithSummary("Deactivate a department without active staff or sub-departments (never deleted)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/activate", ActivateDepartment).WithName(nameof(ActivateDepartment)).RequireAuthorization(Policies.Admin)
            .WithSummary("Reactivate a department").ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<PagedList<DepartmentDto>>> ListDepartments(
        ISender sender, CancellationToken ct, [MaxLength(Paging.MaxSearchLength)] string? search = null, Guid? parentId = null, bool includeInactive = false,
        [Range(1, Paging.MaxPage)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListDepartmentsQuery(search, parentId, includeInactive, page, pageSize), ct));

    public static async Task<Ok<DepartmentDto>> GetDepartment(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetDepartmentQuery(id), ct));

    public static async Task<Created<DepartmentDto>> CreateDepartment(DepartmentInput input, HttpContext http, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new CreateDepartmentCommand(input), ct);
        ETags.Set(http, created.Version);
        return TypedResults.Created($"{EndpointGroupExtensions.VersionPrefix}/departments/{created.Id}", created);
    }

    public static async Task<Ok<DepartmentDto>> UpdateDepartment(Guid id, DepartmentInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new UpdateDepartmentCommand(id, input, ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<DepartmentDto>> DeactivateDepartment(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new SetDepartmentActiveCommand(id, Active: false), ct));

    public static async Task<Ok<DepartmentDto>> ActivateDepartment(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new SetDepartmentActiveCommand(id, Active: true), ct));

}

/// <summary>A department as clients write it. The id comes from the route, never from the body.</summary>
