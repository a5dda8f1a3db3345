using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Models;
using CustomerCare.Application.Feedback.Queries.GetFeedback;
using CustomerCare.Domain.Feedback;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Feedback.Queries.ListFeedback;

public sealed record ListFeedbackQuery(FeedbackStatus? Status, FeedbackKind? Kind, Guid? CustomerId, Guid? HandlerId, int Page, int PageSize)
    : IQuery<PagedList<FeedbackDto>>;

public sealed class ListFeedbackQueryHandler(IApplicationDbContext db) : IQueryHandler<ListFeedbackQuery, PagedList<FeedbackDto>>
{
    public async ValueTask<PagedList<FeedbackDto>> Handle(ListFeedbackQuery query, CancellationToken cancellationToken)
    {
        var feedback = db.Feedback.AsNoTracking();
        if (query.Status is { } status)
        {
            feedback = feedback.Where(f => f.Status == status);
        }

        if (query.Kind is { } kind)
        {
            feedback = feedback.Where(f => f.Kind == kind);
        }

        if (query.CustomerId is { } customerId)
        {
            feedback = feedback.Where(f => f.CustomerId == customerId);
        }

        if (query.HandlerId is { } handlerId)
        {
            feedback = feedback.Where(f => f.HandlerId == handlerId);
        }

        return (await PagedList<CustomerFeedback>.CreateAsync(feedback.OrderByDescending(f => f.CreatedAt).ThenBy(f => f.Id), query.Page, query.PageSize, cancellationToken))
            .Select(FeedbackDto.From);
    }
}
