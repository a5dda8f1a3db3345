using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.OpenApi;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Notifications;
using CustomerCare.Application.Notifications.Commands.ResetNotificationTemplate;
using CustomerCare.Application.Notifications.Commands.UpdateNotificationTemplate;
using CustomerCare.Application.Notifications.Queries.GetNotificationTemplate;
using CustomerCare.Application.Notifications.Queries.ListNotificationTemplates;
using CustomerCare.Application.Notifications.Queries.PreviewNotificationTemplate;
using CustomerCare.Domain.Notifications;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

/// <summary>The texts notifications are rendered from, per event, channel and language; administrators edit and preview them.</summary>
public sealed class NotificationTemplates : IEndpointGroup
{
    private const string Template = "/{event}/{channel}/{language}";

    private const string Placeholders =
        "Placeholders are written `{{name}}`; each event offers its own (listed in `placeholders`), and a template that uses another " +
        "is refused with 400 naming it. E-mail templates have a subject, others none; the HTML part of an e-mail is escaped. A text " +
        "message may take at most `CustomerCare:Notifications:MaxSmsSegments` parts with typical values (70 characters per part for " +
        "Chinese text).";

    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notification-templates").WithTags("Notification templates").ProducesAuthProblems();

        group.MapGet("/", ListNotificationTemplates).WithName(nameof(ListNotificationTemplates)).RequireAuthorization(Policies.Staff)
            .WithSummary("Every template in force (event × channel × language), shipped or changed by an administrator");
        group.MapGet(Template, GetNotificationTemplate).WithName(nameof(GetNotificationTemplate)).RequireAuthorization(Policies.Staff)
            .WithSummary("One template in force, with its ETag (\"0\" while it is the shipped one)")
            .ProducesValidationProblem();
        group.MapPut(Template, UpdateNotificationTemplate).WithName(nameof(UpdateNotificationTemplate)).RequireAuthorization(Policies.Admin)
            .WithSummary("Replace a template (If-Match optional); notifications planned from now on use it")
            .WithDescription(Placeholders)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete(Template, ResetNotificationTemplate).WithName(nameof(ResetNotificationTemplate)).RequireAuthorization(Policies.Admin)
            .WithSummary("Go back to the shipped template (If-Match optional); answers with it")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost(Template + "/preview", PreviewNotificationTemplate).WithName(nameof(PreviewNotificationTemplate)).RequireAuthorization(Policies.Admin)
            .WithSummary("Render the template in force — or a draft given in the body — for a complaint, as it would be sent; nothing is sent")
            .WithDescription(Placeholders)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<IReadOnlyList<NotificationTemplateDto>>> ListNotificationTemplates(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListNotificationTemplatesQuery(), ct));

    public static async Task<Ok<NotificationTemplateDto>> GetNotificationTemplate(
        [EnumQuery(typeof(NotificationEvent))] string @event, [EnumQuery(typeof(NotificationChannel))] string channel,
        [AllowedValues("zh-CN", "en")] string language, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetNotificationTemplateQuery(new NotificationTemplateKey(@event, channel, language)), ct));

    public static async Task<Ok<NotificationTemplateDto>> UpdateNotificationTemplate(
        [EnumQuery(typeof(NotificationEvent))] string @event, [EnumQuery(typeof(NotificationChannel))] string channel,
        [AllowedValues("zh-CN", "en")] string language, NotificationTemplateInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(
            new UpdateNotificationTemplateCommand(new NotificationTemplateKey(@event, channel, language), input, ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<NotificationTemplateDto>> ResetNotificationTemplate(
        [EnumQuery(typeof(NotificationEvent))] string @event, [EnumQuery(typeof(NotificationChannel))] string channel,
        [AllowedValues("zh-CN", "en")] string language, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new ResetNotificationTemplateCommand(new NotificationTemplateKey(@event, channel, language), ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<RenderedNotificationDto>> PreviewNotificationTemplate(
        [EnumQuery(typeof(NotificationEvent))] string @event, [EnumQuery(typeof(NotificationChannel))] string channel,
        [AllowedValues("zh-CN", "en")] string language, PreviewNotificationTemplateInput input, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new PreviewNotificationTemplateQuery(new NotificationTemplateKey(@event, channel, language), input), ct));
}
