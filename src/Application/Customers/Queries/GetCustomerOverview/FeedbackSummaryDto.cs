using CustomerCare.Domain.Feedback;

namespace CustomerCare.Application.Customers.Queries.GetCustomerOverview;

public sealed record FeedbackSummaryDto(Guid Id, FeedbackKind Kind, string Subject, FeedbackStatus Status, DateTimeOffset CreatedAt);
