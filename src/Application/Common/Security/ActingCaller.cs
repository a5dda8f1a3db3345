using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Complaints;

namespace CustomerCare.Application.Common.Security;

/// <summary>The caller as the domain records it, and what it may read.</summary>
public static class ActingCaller
{
    /// <summary>Partners (and, later, customers) read only public timeline entries and public fields; staff read everything.</summary>
    public static bool ReadsPublicOnly(this ICurrentUser user) => user.Kind != CallerKind.Staff;

    public static Actor Actor(this ICurrentUser user) => user.Kind switch
    {
        CallerKind.Staff => Domain.Complaints.Actor.Staff(user.Id!.Value),
        CallerKind.Partner => Domain.Complaints.Actor.Partner(user.Id!.Value),
        _ => Domain.Complaints.Actor.System,
    };
}
