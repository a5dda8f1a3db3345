using FluentValidation;

namespace CustomerCare.Application.Attachments.Queries.ListAttachments;

public sealed class ListAttachmentsQueryValidator : AbstractValidator<ListAttachmentsQuery>
{
    public ListAttachmentsQueryValidator() => RuleFor(q => q.ComplaintId).NotEmpty();
}
