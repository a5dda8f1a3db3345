using FluentValidation;

namespace CustomerCare.Application.Complaints.Queries.GetComplaintImport;

public sealed class GetComplaintImportQueryValidator : AbstractValidator<GetComplaintImportQuery>
{
    public GetComplaintImportQueryValidator() => RuleFor(q => q.Id).NotEmpty();
}
