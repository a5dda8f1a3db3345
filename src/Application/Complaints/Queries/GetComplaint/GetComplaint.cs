using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Complaints.Queries.GetComplaint;

/// <summary>One complaint the caller may see, with the actions they may take now.</summary>
public sealed record GetComplaintQuery(Guid Id) : IQuery<ComplaintDto>;

public sealed class GetComplaintQueryHandler(IApplicationDbContext db, ICurrentUser user, IMapper mapper, TimeProvider time) : IQueryHandler<GetComplaintQuery, ComplaintDto>
{
    public async ValueTask<ComplaintDto> Handle(GetComplaintQuery query, CancellationToken cancellationToken)
    {
        var complaint = await (await db.VisibleAsync(user, cancellationToken)).AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Complaint", query.Id);
        return ComplaintDto.For(mapper, complaint, user, time.GetUtcNow());
    }
}
