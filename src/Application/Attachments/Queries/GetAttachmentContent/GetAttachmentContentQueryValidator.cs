using FluentValidation;

namespace CustomerCare.Application.Attachments.Queries.GetAttachmentContent;

public sealed class GetAttachmentContentQueryValidator : AbstractValidator<GetAttachmentContentQuery>
{
    public GetAttachmentContentQueryValidator()
    {
        RuleFor(q => q.ComplaintId).NotEmpty();
        RuleFor(q => q.AttachmentId).NotEmpty();
    }
}
