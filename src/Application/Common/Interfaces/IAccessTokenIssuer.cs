using CustomerCare.Domain.Organisation;

namespace CustomerCare.Application.Common.Interfaces;

public interface IAccessTokenIssuer
{
    /// <summary>False when staff sign in with an external OpenID Connect provider instead.</summary>
    bool IsEnabled { get; }

    AccessToken Issue(StaffMember staff);
}

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);
