using AutoMapper;
using AutoMapper.QueryableExtensions;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Localization;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints.Queries.GetComplaintImport;

/// <summary>One of the calling partner's import jobs (another partner's is "not found").</summary>
public sealed record GetComplaintImportQuery(Guid Id) : IQuery<ComplaintImportDto>;

public sealed class GetComplaintImportQueryHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper)
    : IQueryHandler<GetComplaintImportQuery, ComplaintImportDto>
{
    public async ValueTask<ComplaintImportDto> Handle(GetComplaintImportQuery query, CancellationToken cancellationToken)
    {
        var job = await db.ComplaintImports.AsNoTracking().Where(i => i.Id == query.Id && i.PartnerId == user.Id)
            .ProjectTo<ComplaintImportDto>(mapper.ConfigurationProvider).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Import", query.Id);
        return job.Failure is { } failure ? job with { Failure = Texts.Say(failure) } : job; // stored in English
    }
}
