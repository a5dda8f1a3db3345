using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Surveys;
using CustomerCare.Application.Surveys.Commands.CreateCampaign;
using CustomerCare.Application.Surveys.Commands.CreateSurvey;
using CustomerCare.Application.Surveys.Commands.ReviseSurvey;
using CustomerCare.Application.Surveys.Commands.StopCampaign;
using CustomerCare.Application.Surveys.Commands.SubmitSurveyResponse;
using CustomerCare.Application.Surveys.Queries.GetCampaign;
using CustomerCare.Application.Surveys.Queries.GetSurvey;
using CustomerCare.Application.Surveys.Queries.GetSurveyAnalysis;
using CustomerCare.Application.Surveys.Queries.GetSurveyForm;
using CustomerCare.Application.Surveys.Queries.ListCampaigns;
using CustomerCare.Application.Surveys.Queries.ListInvitations;
using CustomerCare.Application.Surveys.Queries.ListSurveys;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class Surveys : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/surveys").WithTags("Surveys").ProducesAuthProblems();

        group.MapGet("/", ListSurveys).WithName(nameof(ListSurveys)).RequireAuthorization(Policies.Staff)
            .WithSummary("Survey templates by name").ProducesValidationProblem();
        group.MapPost("/", CreateSurvey).WithName(nameof(CreateSurvey)).RequireAuthorization(Policies.SupervisorOrAbove)
            .WithSummary("A survey template: questions scored 1–5 or 0–10, single choice or free text; one score question may be the overall satisfaction")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetSurvey).WithName(nameof(GetSurvey)).RequireAuthorization(Policies.Staff)
            .WithSummary("A template with the questions of its current version (or of `version`)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", ReviseSurvey).WithName(nameof(ReviseSurvey)).RequireAuthorization(Policies.SupervisorOrAbove)
            .WithSummary("Rename; changed questions become a new version (answers already given keep theirs). If-Match optional")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/{id:guid}/analysis", GetSurveyAnalysis).WithName(nameof(GetSurveyAnalysis)).RequireAuthorization(Policies.SupervisorOrAbove)
            .WithSummary("Response rate; per question count, mean, standard deviation, distribution; key drivers; breakdowns by segment, channel, product, first responder and SLA")
            .WithDescription("For one version of the survey (the current one unless `version` is given), optionally one campaign and a period " +
                "of invitation (`from` inclusive, `to` exclusive). Standard deviations are sample ones (n − 1); key drivers are Pearson " +
                "correlations of each score question with the overall question over the responses that answered both (null below three); " +
                "breakdowns show the overall question's mean per group and its difference from the overall mean.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<PagedList<SurveySummaryDto>>> ListSurveys(
        ISender sender, CancellationToken ct, [MaxLength(Paging.MaxSearchLength)] string? name = null, [Range(1, Paging.MaxPage)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListSurveysQuery(name, page, pageSize), ct));

    public static async Task<Created<SurveyDto>> CreateSurvey(SurveyInput input, HttpContext http, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new CreateSurveyCommand(input), ct);
        ETags.Set(http, created.Version);
        return TypedResults.Created($"{EndpointGroupExtensions.VersionPrefix}/surveys/{created.Id}", created);
    }

    public static async Task<Ok<SurveyDto>> GetSurvey(Guid id, HttpContext http, ISender sender, CancellationToken ct, [Range(1, int.MaxValue)] int? version = null) =>
        ETags.Ok(http, await sender.Send(new GetSurveyQuery(id, version), ct));

    public static async Task<Ok<SurveyDto>> ReviseSurvey(Guid id, SurveyInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new ReviseSurveyCommand(id, input, ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<SurveyAnalysisDto>> GetSurveyAnalysis(
        Guid id, ISender sender, CancellationToken ct, [Range(1, int.MaxValue)] int? version = null, Guid? campaignId = null, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        TypedResults.Ok(await sender.Send(new GetSurveyAnalysisQuery(id, version, campaignId, from, to), ct));
}

public sealed class SurveyCampaigns : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/survey-campaigns").WithTags("Surveys").ProducesAuthProblems();

        group.MapGet("/", ListCampaigns).WithName(nameof(ListCampaigns)).RequireAuthorization(Policies.Staff)
            .WithSummary("Campaigns, newest first, with invitations sent, answered and expired").ProducesValidationProblem();
        group.MapPost("/", CreateCampaign).WithName(nameof(CreateCampaign)).RequireAuthorization(Policies.SupervisorOrAbove)
            .WithSummary("Send a survey to a segment or a list of customers (once, quarterly, half-yearly, yearly), or after every complaint closes")
            .WithDescription("Scheduled waves go out from `startsAt` (default now) to live customers who agreed to be contacted by the " +
                "campaign's channel (e-mail: e-mail consent; phone or SMS: phone consent). Each invitation asks the template's version " +
                "current when its wave opened and carries an unguessable link valid for `responseDays`. A post-closure campaign " +
                "(`afterComplaintClosed`) asks the customer of each complaint as it closes about how it was handled.")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetCampaign).WithName(nameof(GetCampaign)).RequireAuthorization(Policies.Staff)
            .WithSummary("One campaign").ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
        group.MapPost("/{id:guid}/stop", StopCampaign).WithName(nameof(StopCampaign)).RequireAuthorization(Policies.SupervisorOrAbove)
            .WithSummary("No more waves or post-closure invitations; links already sent stay valid until they expire (If-Match optional)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapGet("/{id:guid}/invitations", ListInvitations).WithName(nameof(ListInvitations)).RequireAuthorization(Policies.SupervisorOrAbove)
            .WithSummary("The invitations with their links, for the mailer or the agents who send them (`pending`: not answered, not expired)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<PagedList<CampaignDto>>> ListCampaigns(
        ISender sender, CancellationToken ct, Guid? surveyId = null, bool? active = null, [Range(1, Paging.MaxPage)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListCampaignsQuery(surveyId, active, page, pageSize), ct));

    public static async Task<Created<CampaignDto>> CreateCampaign(CreateCampaignInput input, HttpContext http, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new CreateCampaignCommand(input), ct);
        ETags.Set(http, created.Version);
        return TypedResults.Created($"{EndpointGroupExtensions.VersionPrefix}/survey-campaigns/{created.Id}", created);
    }

    public static async Task<Ok<CampaignDto>> GetCampaign(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetCampaignQuery(id), ct));

    public static async Task<Ok<CampaignDto>> StopCampaign(Guid id, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new StopCampaignCommand(id, ETags.ExpectedVersion(http)), ct));

    public static async Task<Ok<PagedList<InvitationDto>>> ListInvitations(
        Guid id, ISender sender, CancellationToken ct, bool pending = false, [Range(1, Paging.MaxPage)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListInvitationsQuery(id, pending, page, pageSize), ct));
}

public sealed class SurveyResponses : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/survey-responses").WithTags("Survey responses");

        group.MapGet("/{token}", GetSurveyForm).WithName(nameof(GetSurveyForm)).AllowAnonymous()
            .WithSummary("The questions behind a customer's link (no sign-in). Reading records nothing, so link scanners cannot answer")
            .WithDescription("The token of the link is the customer's only credential: unguessable, for one invitation, expiring. " +
                "An unknown token gets 404, an expired link 410.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        group.MapPost("/{token}", SubmitSurveyResponse).WithName(nameof(SubmitSurveyResponse)).AllowAnonymous()
            .WithSummary("The customer's answers (no sign-in): accepted once; a second submission gets 409, an expired link 410")
            .WithDescription("Answer each question of the version the customer was asked at most once, by its key: a score for score " +
                "questions, one of the options for single-choice questions, text for free-text questions.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);
    }

    public static async Task<Ok<SurveyFormDto>> GetSurveyForm([MaxLength(InvitationTokens.MaxLength)] string token, HttpContext http, ISender sender, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await sender.Send(new GetSurveyFormQuery(token), ct));
    }

    public static async Task<Ok<SurveyFormDto>> SubmitSurveyResponse([MaxLength(InvitationTokens.MaxLength)] string token, SubmitSurveyResponseInput input, HttpContext http, ISender sender, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await sender.Send(new SubmitSurveyResponseCommand(token, input), ct));
    }
}
