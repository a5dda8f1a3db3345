using FluentValidation;

namespace CustomerCare.Application.Attachments.Commands.UploadAttachment;

public sealed class UploadAttachmentCommandValidator : AbstractValidator<UploadAttachmentCommand>
{
    /// <summary>The longest file name taken as sent (it is shortened to <see cref="Domain.Attachments.Attachment.FileNameMaxLength"/> when stored).</summary>
    public const int RawFileNameMaxLength = 1000;

    public UploadAttachmentCommandValidator()
    {
        RuleFor(c => c.ComplaintId).NotEmpty();
        RuleFor(c => c.FileName).NotEmpty().MaximumLength(RawFileNameMaxLength).OverridePropertyName("file");
        RuleFor(c => c.DeclaredContentType).MaximumLength(Domain.Attachments.Attachment.ContentTypeMaxLength);
        RuleFor(c => c.Visibility).IsInEnum();
        RuleFor(c => c.Content).NotNull().OverridePropertyName("file");
    }
}
