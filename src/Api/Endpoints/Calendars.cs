using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Calendars;
using CustomerCare.Application.Calendars.Commands.DeleteCalendar;
using CustomerCare.Application.Calendars.Commands.PutCalendar;
using CustomerCare.Application.Calendars.Commands.PutCalendarYear;
using CustomerCare.Application.Calendars.Queries.GetCalendar;
using CustomerCare.Application.Calendars.Queries.GetCalendarYear;
using CustomerCare.Application.Calendars.Queries.ListCalendars;
using CustomerCare.Application.Settings;
using CustomerCare.Domain.Sla;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class Calendars : IEndpointGroup
{
    private const string Clocks =
        "A complaint's SLA clocks run on the calendar of the department responsible for it (`calendar` on the department; " +
        "the `default` calendar without one); working-time targets count its working hours, calendar-time targets do not. " +
        "After a change, open complaints' clocks follow within a scan (`CustomerCare__Sla__ScanInterval`).";

    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/calendars").WithTags("Calendars").ProducesAuthProblems();

        group.MapGet("/", ListCalendars).WithName(nameof(ListCalendars)).RequireAuthorization(Policies.Staff)
            .WithSummary("The business calendars (a 7×24 hotline, a 09:00–18:00 back office), their entered years and how many departments work by each")
            .WithDescription(Clocks);
        group.MapGet("/{name}", GetCalendar).WithName(nameof(GetCalendar)).RequireAuthorization(Policies.Staff)
            .WithSummary("One business calendar: time zone, working hours per weekday, holidays and make-up days not kept per year")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{name}", PutCalendar).WithName(nameof(PutCalendar)).RequireAuthorization(Policies.Admin)
            .WithSummary("Create or replace a business calendar (If-Match optional); its entered years stay")
            .WithDescription(Clocks)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/{name}", DeleteCalendar).WithName(nameof(DeleteCalendar)).RequireAuthorization(Policies.Admin)
            .WithSummary("Delete a business calendar and its years (If-Match optional); the default one, or one a department works by, stays (409)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/{name}/years/{year}", GetCalendarYear).WithName(nameof(GetCalendarYear)).RequireAuthorization(Policies.Staff)
            .WithSummary("A year's public holidays and make-up working days of a calendar, where they came from and who reviewed them")
            .WithDescription("The default calendar ships with mainland China's years (the State Council's notice, or the statutory days " +
                "until the notice is entered), unreviewed (`reviewedAt` null) until an administrator stores them.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{name}/years/{year}", PutCalendarYear).WithName(nameof(PutCalendarYear)).RequireAuthorization(Policies.Admin)
            .WithSummary("Enter or replace a year's holidays and make-up working days (If-Match optional), reviewed by you")
            .WithDescription(Clocks)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    public static async Task<Ok<IReadOnlyList<CalendarSummaryDto>>> ListCalendars(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListCalendarsQuery(), ct));

    public static async Task<Ok<SettingDto<CalendarSettings>>> GetCalendar(
        [MaxLength(CalendarNames.MaxLength), RegularExpression(CalendarNames.Pattern)] string name, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetCalendarQuery(name), ct));

    public static async Task<Ok<SettingDto<CalendarSettings>>> PutCalendar(
        [MaxLength(CalendarNames.MaxLength), RegularExpression(CalendarNames.Pattern)] string name, CalendarSettings request, HttpContext http, ISender sender,
        CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new PutCalendarCommand(name, request, ETags.ExpectedVersion(http)), ct));

    public static async Task<NoContent> DeleteCalendar(
        [MaxLength(CalendarNames.MaxLength), RegularExpression(CalendarNames.Pattern)] string name, HttpContext http, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteCalendarCommand(name, ETags.ExpectedVersion(http)), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<SettingDto<CalendarYear>>> GetCalendarYear(
        [MaxLength(CalendarNames.MaxLength), RegularExpression(CalendarNames.Pattern)] string name,
        [Range(CalendarYearInput.FirstYear, CalendarYearInput.LastYear)] int year, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetCalendarYearQuery(name, year), ct));

    public static async Task<Ok<SettingDto<CalendarYear>>> PutCalendarYear(
        [MaxLength(CalendarNames.MaxLength), RegularExpression(CalendarNames.Pattern)] string name,
        [Range(CalendarYearInput.FirstYear, CalendarYearInput.LastYear)] int year, CalendarYearInput request, HttpContext http, ISender sender,
        CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new PutCalendarYearCommand(name, year, request, ETags.ExpectedVersion(http)), ct));
}
