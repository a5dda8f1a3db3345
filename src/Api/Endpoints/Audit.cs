using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.OpenApi;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Audit.Queries.ListAccessRecords;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Customers.Queries.ExportCustomer;
using CustomerCare.Domain.Customers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

public sealed class Audit : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/audit", ListAccessRecords).WithName(nameof(ListAccessRecords)).WithTags("Audit")
            .RequireAuthorization(Policies.Admin)
            .WithSummary("The personal-data access log: who read, exported, changed, merged or erased which customer, newest first")
            .ProducesValidationProblem().ProducesAuthProblems();

    public static async Task<Ok<PagedList<AccessRecordDto>>> ListAccessRecords(
        ISender sender, CancellationToken ct, Guid? customerId = null, Guid? actorId = null,
        [EnumQuery(typeof(CustomerAccess))] string? action = null, DateTimeOffset? from = null, DateTimeOffset? to = null,
        [Range(1, Paging.MaxPage)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListAccessRecordsQuery(
            customerId, actorId, EnumQuery.Parse<CustomerAccess>(action, nameof(action)), from, to, page, pageSize), ct));
}
