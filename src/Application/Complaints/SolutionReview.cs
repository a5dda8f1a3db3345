using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;

namespace CustomerCare.Application.Complaints;

/// <summary>Who reviews a major complaint's submitted solution: a supervisor, a manager or an administrator.</summary>
internal static class SolutionReview
{
    public static void EnsureMayReview(ICurrentUser user)
    {
        if (EscalationAuthority.RankOf(user) < 1)
        {
            throw new ForbiddenException("A supervisor, a manager or an administrator approves or sends back a major complaint's solution.");
        }
    }
}
