using CustomerCare.Application.Common.Validation;
using FluentValidation;

namespace CustomerCare.Application.Complaints.Queries.GetChangeFeed;

public sealed class GetChangeFeedQueryValidator : AbstractValidator<GetChangeFeedQuery>
{
    public GetChangeFeedQueryValidator()
    {
        RuleFor(q => q.After).Must(a => ChangeFeedCursor.TryParse(a, out _)).WithMessage(_ => ValidationTexts.Get("CursorUnknown"));
        RuleFor(q => q.Limit).InclusiveBetween(1, GetChangeFeedQuery.MaxLimit);
    }
}
