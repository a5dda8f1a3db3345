using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Auth.Commands.SignIn;

/// <summary>A staff member proves who they are with e-mail and password and receives an access token.</summary>
/// <summary>Credentials of a staff member.</summary>
public sealed record SignInInput(
    string Email,
    string Password);

public sealed record SignInCommand(SignInInput Input, string? ClientAddress) : ICommand<TokenResponse>;

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, DateTimeOffset ExpiresAt);

public sealed class SignInCommandHandler(
    IApplicationDbContext db,
    IPasswordHasher hasher,
    IAccessTokenIssuer issuer,
    ISignInThrottle throttle,
    TimeProvider time) : ICommandHandler<SignInCommand, TokenResponse>
{
    // Verified when the e-mail is unknown, so that a wrong e-mail costs as long as a wrong password.
    private static string? _dummyHash;

    public async ValueTask<TokenResponse> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        if (!issuer.IsEnabled)
        {
            throw new FeatureUnavailableException("Staff sign in with the organisation's OpenID Connect provider; this API only accepts its tokens.");
        }

        var email = StaffMember.NormaliseEmail(command.Input.Email);
        string[] keys = command.ClientAddress is { Length: > 0 } ip
            ? [SignInThrottleKeys.Account(email), SignInThrottleKeys.Address(ip)]
            : [SignInThrottleKeys.Account(email)];

        // The guess is reserved before the password is checked: at most the configured number are ever checked per window.
        if (await throttle.TryReserveAsync(keys, cancellationToken) is { } wait)
        {
            throw new TooManyRequestsException(wait, "Too many failed sign-ins. Try again later.");
        }

        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Email == email && s.IsActive, cancellationToken);
        var check = hasher.Verify(staff?.PasswordHash ?? (_dummyHash ??= hasher.Hash(Guid.NewGuid().ToString())), command.Input.Password);
        if (staff is null || check == PasswordCheck.Failed)
        {
            await throttle.RecordFailureAsync(keys, cancellationToken);
            throw new AuthenticationFailedException();
        }

        if (check == PasswordCheck.SuccessRehashNeeded)
        {
            staff.UpgradePasswordHash(hasher.Hash(command.Input.Password));
        }

        var now = time.GetUtcNow();
        staff.RecordSignIn(now);
        await db.SaveChangesAsync(cancellationToken);
        await throttle.RecordSuccessAsync(keys[0], keys[1..], cancellationToken);

        var token = issuer.Issue(staff);
        return new TokenResponse(token.Token, "Bearer", (int)Math.Max(0, (token.ExpiresAt - now).TotalSeconds), token.ExpiresAt);
    }
}
