using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Complaints.Queries.GetChangeFeed;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class Events : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/events").WithTags("Events").ProducesAuthProblems();

        group.MapGet("/", GetChangeFeed).WithName(nameof(GetChangeFeed)).RequireAuthorization(Policies.StaffOrPartner)
            .WithSummary("The change feed: every timeline event of the complaints you may see, in commit order, from a cursor on")
            .WithDescription("Start without `after`; then pass the `next` of each page as `after` to read on (also when a page came " +
                "back empty: nothing is skipped, a transaction still running holds the feed back until it ends). Cursors stay valid " +
                "across restarts. `limit` 1–1000, default 100. " + Complaints.PublicEntries)
            .ProducesValidationProblem();
    }

    public static async Task<Ok<ChangeFeedPage>> GetChangeFeed(ISender sender, CancellationToken ct, [MaxLength(ChangeFeedCursor.MaxLength)] string? after = null,
        [Range(1, GetChangeFeedQuery.MaxLimit)] int limit = GetChangeFeedQuery.DefaultLimit) =>
        TypedResults.Ok(await sender.Send(new GetChangeFeedQuery(after, limit), ct));
}
