using FluentValidation;

namespace CustomerCare.Application.Complaints.Queries.GetComplaint;

public sealed class GetComplaintQueryValidator : AbstractValidator<GetComplaintQuery>
{
    public GetComplaintQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}
