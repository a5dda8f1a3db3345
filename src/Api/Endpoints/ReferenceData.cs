using CustomerCare.Api.Infrastructure.OpenApi;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.ReferenceData.Queries.GetReferenceData;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class ReferenceData : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/reference-data", GetReferenceData).WithName(nameof(GetReferenceData)).WithTags("Reference data")
            .RequireAuthorization(Policies.StaffOrPartner)
            .WithSummary("Display names in English and Simplified Chinese for the values of categories, channels, severities, complaint statuses, actions and closing reasons")
            .WithDescription("Front ends label values with these names; the values themselves are what the API sends and accepts. The same for every caller and language.")
            .ProducesAuthProblems();

    public static async Task<Ok<ReferenceDataDto>> GetReferenceData(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetReferenceDataQuery(), ct));
}
