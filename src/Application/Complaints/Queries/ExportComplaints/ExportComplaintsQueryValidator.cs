using CustomerCare.Application.Complaints.Queries.ListComplaints;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Queries.ExportComplaints;

public sealed class ExportComplaintsQueryValidator : AbstractValidator<ExportComplaintsQuery>
{
    public ExportComplaintsQueryValidator(IValidator<ListComplaintsQuery> filter)
    {
        RuleFor(q => q.Filter).NotNull().SetValidator(filter).OverridePropertyName(string.Empty);
        RuleFor(q => q.Size).InclusiveBetween(1, ExportComplaintsQuery.MaxSize);
        RuleFor(q => q.AfterId).NotNull().When(q => q.AfterReceivedAt is not null);
    }
}
