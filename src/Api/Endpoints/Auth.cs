using CustomerCare.Api.Infrastructure.Responses;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Auth.Commands.ChangePassword;
using CustomerCare.Application.Auth.Commands.SignIn;
using CustomerCare.Application.Auth.Commands.UpdateMyNotificationSettings;
using CustomerCare.Application.Auth.Queries.GetCurrentUser;
using CustomerCare.Application.Auth.Queries.GetMyNotificationSettings;
using CustomerCare.Application.Notifications;
using CustomerCare.Application.Settings;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class Auth : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth");

        group.MapPost("/token", SignIn).WithName(nameof(SignIn)).AllowAnonymous()
            .WithSummary("Sign in with e-mail and password; returns a short-lived bearer token")
            .WithDescription("A wrong e-mail and a wrong password answer alike (401). After repeated failures the account " +
                "and the client address are locked for a while (429 with Retry-After). The limit holds for guesses sent at once: " +
                "each is counted before its password is checked, so the ones beyond it answer 429 unchecked.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapGet("/me", GetCurrentUser).WithName(nameof(GetCurrentUser)).RequireAuthorization(Policies.StaffOrPartner)
            .WithSummary("Who the caller is: a staff member (with department and roles) or a partner system")
            .ProducesAuthProblems();

        group.MapGet("/me/notification-settings", GetMyNotificationSettings).WithName(nameof(GetMyNotificationSettings)).RequireAuthorization(Policies.Staff)
            .WithSummary("The staff notifications you receive by e-mail (every kind until you choose)")
            .ProducesAuthProblems();
        group.MapPut("/me/notification-settings", UpdateMyNotificationSettings).WithName(nameof(UpdateMyNotificationSettings)).RequireAuthorization(Policies.Staff)
            .WithSummary("Choose the staff notifications you receive by e-mail (If-Match optional); a kind left out is not sent to you")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesAuthProblems();

        group.MapPost("/password", ChangePassword).WithName(nameof(ChangePassword)).RequireAuthorization(Policies.Staff)
            .WithSummary("Change your own password (proving the current one); your other sessions end")
            .WithDescription("Wrong current passwords are limited like sign-ins: after repeated ones, further attempts answer 429 " +
                "with Retry-After for a while, without the password being checked.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesAuthProblems();
    }

    public static async Task<Ok<TokenResponse>> SignIn(SignInInput input, HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(
            new SignInCommand(input, http.Connection.RemoteIpAddress?.ToString()), ct));

    public static async Task<Ok<CurrentUserDto>> GetCurrentUser(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCurrentUserQuery(), ct));

    public static async Task<Ok<SettingDto<StaffNotificationSettings>>> GetMyNotificationSettings(HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new GetMyNotificationSettingsQuery(), ct));

    public static async Task<Ok<SettingDto<StaffNotificationSettings>>> UpdateMyNotificationSettings(
        StaffNotificationSettings request, HttpContext http, ISender sender, CancellationToken ct) =>
        ETags.Ok(http, await sender.Send(new UpdateMyNotificationSettingsCommand(request, ETags.ExpectedVersion(http)), ct));

    public static async Task<NoContent> ChangePassword(ChangePasswordInput input, ISender sender, CancellationToken ct)
    {
        await sender.Send(new ChangePasswordCommand(input), ct);
        return TypedResults.NoContent();
    }
}
