using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.OpenApi;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Staff.Commands.CreateStaffMember;
using CustomerCare.Application.Staff.Commands.ResetStaffPassword;
using CustomerCare.Application.Staff.Commands.SetStaffMemberActive;
using CustomerCare.Application.Staff.Commands.UpdateStaffMember;
using CustomerCare.Application.Staff.Queries.GetStaffMember;
using CustomerCare.Application.Staff.Queries.ListStaff;
using CustomerCare.Domain.Organisation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class Staff : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/staff").WithTags("Staff").ProducesAuthProblems();

        group.MapGet("/", ListStaff).WithName(nameof(ListStaff)).RequireAuthorization(Policies.Staff)
            .WithSummary("List staff by name, filtered by department, role or text").ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetStaffMember).WithName(nameof(GetStaffMember)).RequireAuthorization(Policies.Staff)
            .WithSummary("Get a staff member (ETag: their version)").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapPost("/", CreateStaffMember).WithName(nameof(CreateStaffMember)).RequireAuthorization(Policies.Admin)
            .WithSummary("Create a staff member with an initial password (checked against the password policy)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", UpdateStaffMember).WithName(nameof(UpdateStaffMember)).RequireAuthorization(Policies.Admin)
            .WithSummary("Update name, e-mail, department and roles (If-Match optional); a change of roles or department ends their sessions")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/deactivate", DeactivateStaffMember).WithName(nameof(DeactivateStaffMember)).RequireAuthorization(Policies.Admin)
            .WithSummary("Deactivate a staff member: their sessions end at once; never deleted (they appear in timelines)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/activate", ActivateStaffMember).WithName(nameof(ActivateStaffMember)).RequireAuthorization(Policies.Admin)
            .WithSummary("Reactivate a staff member").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/password", ResetStaffPassword).WithName(nameof(ResetStaffPassword)).RequireAuthorization(Policies.Admin)
            .WithSummary("Set a new password for a staff member; ends their sessions and any sign-in lockout")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<PagedList<StaffMemberDto>>> ListStaff(
        ISender sender, CancellationToken ct, [MaxLength(Paging.MaxSearchLength)] string? search = null, Guid? departmentId = null, [EnumQuery(typeof(Role))] string? role = null,
        bool includeInactive = false, [Range(1, Paging.MaxPage)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListStaffQuery(search, departmentId, EnumQuery.Parse<Role>(role, nameof(role)), includeInactive, page, pageSize), ct));

    public static async Task<Ok<StaffMemberDto>> GetStaffMember(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetStaffMemberQuery(id), ct));

    public static async Task<Created<StaffMemberDto>> CreateStaffMember(
        CreateStaffMemberInput input, HttpContext http, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new CreateStaffMemberCommand(input), ct);
        ETags.Set(http, created.Version);
        return TypedResults.Created($"{EndpointGroupExtensions.VersionPrefix}/staff/{created.Id}", created);
    }

    public static async Task<Ok<StaffMemberDto>> UpdateStaffMember(
        Guid id, UpdateStaffMemberInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new UpdateStaffMemberCommand(id, input, ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<StaffMemberDto>> DeactivateStaffMember(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new SetStaffMemberActiveCommand(id, Active: false), ct));

    public static async Task<Ok<StaffMemberDto>> ActivateStaffMember(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new SetStaffMemberActiveCommand(id, Active: true), ct));

    public static async Task<NoContent> ResetStaffPassword(Guid id, ResetStaffPasswordInput input, ISender sender, CancellationToken ct)
    {
        await sender.Send(new ResetStaffPasswordCommand(id, input), ct);
        return TypedResults.NoContent();
    }

}
