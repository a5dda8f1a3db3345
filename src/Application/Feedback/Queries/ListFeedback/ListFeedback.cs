using AutoMapper;
using CustomerCare.Application.Common.Extensions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Feedback.Queries.GetFeedback;
using CustomerCare.Domain.Feedback;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Feedback.Queries.ListFeedback;

public sealed record ListFeedbackQuery(FeedbackStatus? Status, FeedbackKind? Kind, Guid? CustomerId, Guid? HandlerId, int Page, int PageSize)
    : IQuery<PagedList<FeedbackDto>>;

public sealed class ListFeedbackQueryHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<ListFeedbackQuery, PagedList<FeedbackDto>>
{
    public async ValueTask<PagedList<FeedbackDto>> Handle(ListFeedbackQuery query, CancellationToken cancellationToken)
    {
        var feedback = db.Feedback.AsNoTracking();
        feedback = feedback
            .FilterBy(query.Status, status => f => f.Status == status)
            .FilterBy(query.Kind, kind => f => f.Kind == kind)
            .FilterBy(query.CustomerId, customerId => f => f.CustomerId == customerId)
            .FilterBy(query.HandlerId, handlerId => f => f.HandlerId == handlerId);

        return (await PagedList<CustomerFeedback>.CreateAsync(feedback.OrderByDescending(f => f.CreatedAt).ThenBy(f => f.Id), query.Page, query.PageSize, cancellationToken))
            .Select(mapper.Map<FeedbackDto>);
    }
}
