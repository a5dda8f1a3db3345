using FluentValidation;

namespace CustomerCare.Application.Notifications.Queries.GetComplaintNotifications;

public sealed class GetComplaintNotificationsQueryValidator : AbstractValidator<GetComplaintNotificationsQuery>
{
    public GetComplaintNotificationsQueryValidator() => RuleFor(q => q.ComplaintId).NotEmpty();
}
