using FluentValidation;

namespace CustomerCare.Application.Attachments.Commands.DeleteAttachment;

public sealed class DeleteAttachmentCommandValidator : AbstractValidator<DeleteAttachmentCommand>
{
    public DeleteAttachmentCommandValidator()
    {
        RuleFor(c => c.ComplaintId).NotEmpty();
        RuleFor(c => c.AttachmentId).NotEmpty();
    }
}
