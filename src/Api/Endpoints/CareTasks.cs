using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.OpenApi;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.CareTasks;
using CustomerCare.Application.CareTasks.Commands.CancelCareTask;
using CustomerCare.Application.CareTasks.Commands.CompleteCareTask;
using CustomerCare.Application.CareTasks.Commands.CreateCareTask;
using CustomerCare.Application.CareTasks.Commands.RescheduleCareTask;
using CustomerCare.Application.CareTasks.Commands.ScheduleGreetings;
using CustomerCare.Application.CareTasks.Queries.GetCareTask;
using CustomerCare.Application.CareTasks.Queries.ListCareTasks;
using CustomerCare.Application.Common.Models;
using CustomerCare.Domain.CareTasks;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class CareTasks : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/care-tasks").WithTags("Care tasks").RequireAuthorization(Policies.Staff).ProducesAuthProblems();

        group.MapGet("/", ListCareTasks).WithName(nameof(ListCareTasks))
            .WithSummary("Care tasks, soonest due first: `view=mine` (my open tasks), `dueToday`, `overdue` (open, in the business calendar's time zone) or `all`")
            .ProducesValidationProblem();
        group.MapPost("/", CreateCareTask).WithName(nameof(CreateCareTask))
            .WithSummary("Schedule a care contact: follow-up call, key-customer call, greeting; due day, owner, customer, optional complaint")
            .WithDescription("A follow-up call is also created by itself when a complaint closes, due `CustomerCare:Care:FollowUpAfterDays` " +
                "(default 7) days later and owned by the complaint's first responder.")
            .ProducesValidationProblem();
        group.MapPost("/greetings", ScheduleGreetings).WithName(nameof(ScheduleGreetings)).RequireAuthorization(Policies.SupervisorOrAbove)
            .WithSummary("Schedule birthday or holiday greetings in bulk for a segment and/or grade of customers (supervisors and above)")
            .WithDescription("`occasion: holiday` greets every customer of the selection on `on`; `occasion: birthday` greets each on their " +
                "birthday when it falls between `on` and `until` (a year at most; 29 February is greeted on 28 February in other years). " +
                "Each greeting is a care task of kind `greeting` (sent to the customer on its day when the `careTaskGreeting` notification " +
                "is switched on); a customer who has a greeting on that day already is counted in `alreadyScheduled`, not greeted twice. " +
                "More customers than `CustomerCare:Care:MaxGreetingsPerBatch` (5000): 409 with `customers`, narrow the selection.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", GetCareTask).WithName(nameof(GetCareTask))
            .WithSummary("One care task").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        Change(group, "/{id:guid}/complete", CompleteCareTask, nameof(CompleteCareTask), "The contact happened or was tried: result and outcome (→ done)");
        Change(group, "/{id:guid}/cancel", CancelCareTask, nameof(CancelCareTask), "Not needed any more, with a reason (→ cancelled)");
        Change(group, "/{id:guid}/schedule", RescheduleCareTask, nameof(RescheduleCareTask), "Hand an open task to someone and/or move its due day");
    }

    private static void Change(RouteGroupBuilder group, string pattern, Delegate handler, string name, string summary) =>
        group.MapPost(pattern, handler).WithName(name).WithSummary(summary)
            .WithDescription("Send `If-Match` with the task's ETag: a stale one gets 412, none gets 428; a task no longer open gets 409.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static async Task<Ok<PagedList<CareTaskDto>>> ListCareTasks(
        ISender sender, CancellationToken ct, [EnumQuery(typeof(CareTaskView))] string? view = null, Guid? ownerId = null, Guid? customerId = null,
        Guid? complaintId = null, [EnumQuery(typeof(CareTaskStatus))] string? status = null, [EnumQuery(typeof(CareTaskKind))] string? kind = null,
        [Range(1, Paging.MaxPage)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListCareTasksQuery(
            EnumQuery.Parse<CareTaskView>(view, nameof(view)) ?? CareTaskView.All, ownerId, customerId, complaintId,
            EnumQuery.Parse<CareTaskStatus>(status, nameof(status)), EnumQuery.Parse<CareTaskKind>(kind, nameof(kind)), page, pageSize), ct));

    public static async Task<Ok<GreetingsScheduledDto>> ScheduleGreetings(ScheduleGreetingsInput input, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ScheduleGreetingsCommand(input), ct));

    public static async Task<Created<CareTaskDto>> CreateCareTask(CreateCareTaskInput input, HttpContext http, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new CreateCareTaskCommand(input), ct);
        ETags.Set(http, created.Version);
        return TypedResults.Created($"{EndpointGroupExtensions.VersionPrefix}/care-tasks/{created.Id}", created);
    }

    public static async Task<Ok<CareTaskDto>> GetCareTask(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetCareTaskQuery(id), ct));

    public static async Task<Ok<CareTaskDto>> CompleteCareTask(Guid id, CompleteCareTaskInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new CompleteCareTaskCommand(id, input, ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<CareTaskDto>> CancelCareTask(Guid id, CancelCareTaskInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new CancelCareTaskCommand(id, input, ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<CareTaskDto>> RescheduleCareTask(Guid id, RescheduleCareTaskInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new RescheduleCareTaskCommand(id, input, ETags.ExpectedVersion(http)), ct));
}
