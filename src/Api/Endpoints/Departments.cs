using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.OpenApi;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Departments;
using CustomerCare.Application.Departments.Commands.CreateDepartment;
using CustomerCare.Application.Departments.Commands.RemoveDepartmentRobot;
using CustomerCare.Application.Departments.Commands.SetDepartmentActive;
using CustomerCare.Application.Departments.Commands.SetDepartmentRobot;
using CustomerCare.Application.Departments.Commands.UpdateDepartment;
using CustomerCare.Application.Departments.Queries.GetDepartment;
using CustomerCare.Application.Departments.Queries.ListDepartmentRobots;
using CustomerCare.Application.Departments.Queries.ListDepartments;
using CustomerCare.Domain.Organisation;
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
        group.MapGet("/{id:guid}/robots", ListDepartmentRobots).WithName(nameof(ListDepartmentRobots)).RequireAuthorization(Policies.Admin)
            .WithSummary("The department's group robots (企业微信, 钉钉): addresses masked, secrets never shown")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapPut("/{id:guid}/robots/{kind}", SetDepartmentRobot).WithName(nameof(SetDepartmentRobot)).RequireAuthorization(Policies.Admin)
            .WithSummary("Set the department's robot of a kind (If-Match optional): its transfers in, re-complaints, SLA risks and breaches are posted there")
            .WithDescription(RobotDescription)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/{id:guid}/robots/{kind}", RemoveDepartmentRobot).WithName(nameof(RemoveDepartmentRobot)).RequireAuthorization(Policies.Admin)
            .WithSummary("Remove the department's robot of a kind (If-Match optional); messages waiting for it are not sent")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/activate", ActivateDepartment).WithName(nameof(ActivateDepartment)).RequireAuthorization(Policies.Admin)
            .WithSummary("Reactivate a department").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private const string RobotDescription =
        "`weCom`: a 企业微信 group robot's webhook address (`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`), no secret. " +
        "`dingTalk`: a 钉钉 custom robot's address (`https://oapi.dingtalk.com/robot/send?access_token=…`) and, when its security " +
        "is \"加签\", the secret (`SEC…`). Only those hosts (and `CustomerCare:Notifications:Robots:AdditionalHosts`) are accepted. " +
        "Messages are plain text (`msgtype: text`); the address and the secret are stored encrypted and never shown again.";

    public static async Task<Ok<IReadOnlyList<DepartmentRobotDto>>> ListDepartmentRobots(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListDepartmentRobotsQuery(id), ct));

    public static async Task<Ok<DepartmentRobotDto>> SetDepartmentRobot(
        Guid id, [EnumQuery(typeof(GroupRobotKind))] string kind, DepartmentRobotInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new SetDepartmentRobotCommand(id, kind, input, ETags.ExpectedVersion(http)), ct));

    public static async Task<NoContent> RemoveDepartmentRobot(
        Guid id, [EnumQuery(typeof(GroupRobotKind))] string kind, HttpContext http, ISender sender, CancellationToken ct)
    {
        await sender.Send(new RemoveDepartmentRobotCommand(id, kind, ETags.ExpectedVersion(http)), ct);
        return TypedResults.NoContent();
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
