using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Feedback.Queries.GetFeedback;

public sealed record GetFeedbackQuery(Guid Id) : IQuery<FeedbackDto>;

public sealed class GetFeedbackQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<GetFeedbackQuery, FeedbackDto>
{
    public async ValueTask<FeedbackDto> Handle(GetFeedbackQuery query, CancellationToken cancellationToken) =>
        mapper.Map<FeedbackDto>(await db.Feedback.AsNoTracking().SingleOrDefaultAsync(f => f.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Feedback", query.Id));
}
