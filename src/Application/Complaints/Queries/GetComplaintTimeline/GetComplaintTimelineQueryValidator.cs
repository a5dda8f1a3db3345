using FluentValidation;

namespace CustomerCare.Application.Complaints.Queries.GetComplaintTimeline;

public sealed class GetComplaintTimelineQueryValidator : AbstractValidator<GetComplaintTimelineQuery>
{
    public GetComplaintTimelineQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}
