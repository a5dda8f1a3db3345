using FluentValidation;

namespace CustomerCare.Application.Complaints.Queries.GetChangeFeed;

public sealed class GetChangeFeedQueryValidator : AbstractValidator<GetChangeFeedQuery>
{
    public GetChangeFeedQueryValidator()
    {
        RuleFor(q => q.After).Must(a => ChangeFeedCursor.TryParse(a, out _)).WithMessage("Not a cursor this feed handed out; start without one.");
        RuleFor(q => q.Limit).InclusiveBetween(1, GetChangeFeedQuery.MaxLimit);
    }
}
