using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Notifications;
using CustomerCare.Application.Settings;
using CustomerCare.Application.Settings.Commands.UpdateCalendarSettings;
using CustomerCare.Application.Settings.Commands.UpdateNotificationSettings;
using CustomerCare.Application.Settings.Commands.UpdateSlaPolicySettings;
using CustomerCare.Application.Settings.Queries.GetCalendarSettings;
using CustomerCare.Application.Settings.Queries.GetNotificationSettings;
using CustomerCare.Application.Settings.Queries.GetSlaPolicySettings;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class Settings : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/settings").WithTags("Settings").ProducesAuthProblems();

        group.MapGet("/calendar", GetCalendarSettings).WithName(nameof(GetCalendarSettings)).RequireAuthorization(Policies.Staff)
            .WithSummary("The business calendar the SLA clocks run on: time zone, working hours per weekday, holidays, make-up working days");
        group.MapPut("/calendar", UpdateCalendarSettings).WithName(nameof(UpdateCalendarSettings)).RequireAuthorization(Policies.Admin)
            .WithSummary("Replace the business calendar (If-Match optional); open clocks follow it")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/sla-policies", GetSlaPolicySettings).WithName(nameof(GetSlaPolicySettings)).RequireAuthorization(Policies.Staff)
            .WithSummary("SLA targets per severity and milestone (ISO 8601 durations of working time) and the at-risk share");
        group.MapPut("/sla-policies", UpdateSlaPolicySettings).WithName(nameof(UpdateSlaPolicySettings)).RequireAuthorization(Policies.Admin)
            .WithSummary("Replace the SLA targets (If-Match optional); open clocks follow them")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/notifications", GetNotificationSettings).WithName(nameof(GetNotificationSettings)).RequireAuthorization(Policies.Staff)
            .WithSummary("Which events notify by which channels, and the quiet hours in which no text message is sent");
        group.MapPut("/notifications", UpdateNotificationSettings).WithName(nameof(UpdateNotificationSettings)).RequireAuthorization(Policies.Admin)
            .WithSummary("Switch notifications per event and channel, and set the quiet hours (If-Match optional); an event left out is off")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    public static async Task<Ok<SettingDto<CalendarSettings>>> GetCalendarSettings(HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetCalendarSettingsQuery(), ct));

    public static async Task<Ok<SettingDto<CalendarSettings>>> UpdateCalendarSettings(CalendarSettings request, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new UpdateCalendarSettingsCommand(request, ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<SettingDto<SlaPolicySettings>>> GetSlaPolicySettings(HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetSlaPolicySettingsQuery(), ct));

    public static async Task<Ok<SettingDto<SlaPolicySettings>>> UpdateSlaPolicySettings(SlaPolicySettings request, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new UpdateSlaPolicySettingsCommand(request, ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<SettingDto<NotificationSettings>>> GetNotificationSettings(HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetNotificationSettingsQuery(), ct));

    public static async Task<Ok<SettingDto<NotificationSettings>>> UpdateNotificationSettings(
        NotificationSettings request, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new UpdateNotificationSettingsCommand(request, ETags.ExpectedVersion(http)), ct));
}
