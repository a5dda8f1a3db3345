using System.ComponentModel.DataAnnotations;
using CustomerCare.Api.Infrastructure.OpenApi;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Complaints.Queries.GetComplaintImport;
using CustomerCare.Application.Complaints.Queries.ListComplaintImportRows;
using CustomerCare.Domain.Imports;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CustomerCare.Api.Endpoints;

/// <summary>The jobs <c>POST /complaints/import</c> starts: their progress and their per-row reports, for the partner that sent the file.</summary>
public sealed class ComplaintImports : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/complaint-imports").WithTags("Complaints").ProducesAuthProblems();

        group.MapGet("/{id:guid}", GetComplaintImport).WithName(nameof(GetComplaintImport)).RequireAuthorization(Policies.Partner)
            .WithSummary("One of your import jobs: its status (queued, running, completed, failed) and progress, with the outcomes counted so far")
            .WithDescription("Poll it until `status` is `completed` (or `failed`: `failure` says why; the rows done before stay). Another partner's job is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/rows", ListComplaintImportRows).WithName(nameof(ListComplaintImportRows)).RequireAuthorization(Policies.Partner)
            .WithSummary("The report of one of your import jobs: a line per row done so far, in file order (status=created|duplicate|error picks one outcome)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<ComplaintImportDto>> GetComplaintImport(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetComplaintImportQuery(id), ct));

    public static async Task<Ok<PagedList<ComplaintImportRowDto>>> ListComplaintImportRows(
        Guid id, ISender sender, CancellationToken ct, [EnumQuery(typeof(ImportRowStatus))] string? status = null,
        [Range(1, Paging.MaxPage)] int page = 1, [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize) =>
        TypedResults.Ok(await sender.Send(new ListComplaintImportRowsQuery(id)
        {
            Status = EnumQuery.Parse<ImportRowStatus>(status, nameof(status)), Page = page, PageSize = pageSize,
        }, ct));
}
