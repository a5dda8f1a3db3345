using CustomerCare.Application.Common.Validation;
using CustomerCare.Domain.Customers;
using CustomerCare.Domain.Surveys;
using FluentValidation;

namespace CustomerCare.Application.Surveys.Commands.CreateCampaign;

public sealed class CreateCampaignCommandValidator : AbstractValidator<CreateCampaignCommand>
{
    public CreateCampaignCommandValidator(IValidator<CreateCampaignInput> input)
    {

        RuleFor(c => c.Input).NotNull().SetValidator(input).OverridePropertyName(string.Empty);
    }
}

public sealed class CreateCampaignInputValidator : AbstractValidator<CreateCampaignInput>
{
    public CreateCampaignInputValidator(TimeProvider time)
    {
        RuleFor(c => c.Schedule).Required();
        RuleFor(c => c.SurveyId).NotEmpty();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(SurveyCampaign.NameMaxLength);
        RuleFor(c => c.Schedule).IsInEnum();
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.Product).MaximumLength(SurveyCampaign.ProductMaxLength);
        RuleFor(c => c.Segment).MaximumLength(Customer.SegmentMaxLength);
        RuleFor(c => c.ResponseDays).InclusiveBetween(SurveyCampaign.MinResponseDays, SurveyCampaign.MaxResponseDays);
        RuleFor(c => c.CustomerIds).MaxItems(SurveyCampaign.MaxListedCustomers)
            .WithMessage(_ => ValidationTexts.Format("ListedCustomersMax", SurveyCampaign.MaxListedCustomers));
        RuleForEach(c => c.CustomerIds).NotEmpty();
        RuleFor(c => c.Segment).Null().When(c => c.Schedule == CampaignSchedule.AfterComplaintClosed)
            .WithMessage(_ => ValidationTexts.Get("PostClosureNoSegment"));
        RuleFor(c => c.CustomerIds).Must(ids => ids is null || ids.Count == 0).When(c => c.Schedule == CampaignSchedule.AfterComplaintClosed)
            .WithMessage(_ => ValidationTexts.Get("PostClosureNoCustomerIds"));
        RuleFor(c => c.StartsAt).Null().When(c => c.Schedule == CampaignSchedule.AfterComplaintClosed)
            .WithMessage(_ => ValidationTexts.Get("PostClosureNoStartsAt"));
        RuleFor(c => c.Segment).NotEmpty().When(c => c.Schedule != CampaignSchedule.AfterComplaintClosed && (c.CustomerIds is null || c.CustomerIds.Count == 0))
            .WithMessage(_ => ValidationTexts.Get("SegmentOrCustomers"));
        RuleFor(c => c.Segment).Null().When(c => c.CustomerIds is { Count: > 0 })
            .WithMessage(_ => ValidationTexts.Get("SegmentOrCustomersNotBoth"));
        RuleFor(c => c.StartsAt).GreaterThanOrEqualTo(_ => time.GetUtcNow().AddDays(-1)).WithMessage(_ => ValidationTexts.Get("NotStartInThePast"))
            .LessThanOrEqualTo(_ => time.GetUtcNow().AddYears(5)).WithMessage(_ => ValidationTexts.Get("NotStartMoreThan5Years"));
    }
}
