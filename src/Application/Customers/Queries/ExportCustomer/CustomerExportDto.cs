using CustomerCare.Application.CareTasks.Queries.GetCareTask;
using CustomerCare.Application.Customers.Queries.GetCustomer;
using CustomerCare.Application.Feedback.Queries.GetFeedback;
using CustomerCare.Application.Notifications.Queries.GetComplaintNotifications;
using CustomerCare.Application.Surveys;

namespace CustomerCare.Application.Customers.Queries.ExportCustomer;

public sealed record CustomerExportDto(
    DateTimeOffset ExportedAt,
    CustomerDto Customer,
    IReadOnlyList<Guid> MergedRecords,
    IReadOnlyList<ExportedComplaintDto> Complaints,
    IReadOnlyList<FeedbackDto> Feedback,
    IReadOnlyList<SurveyResponseDto> Surveys,
    IReadOnlyList<CareTaskDto> CareTasks,
    IReadOnlyList<NotificationDto> Notifications,
    IReadOnlyList<AccessRecordDto> AccessLog);
