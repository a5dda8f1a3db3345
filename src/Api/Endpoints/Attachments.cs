using System.Text;
using CustomerCare.Api.Infrastructure.Limits;
using CustomerCare.Api.Infrastructure.OpenApi;
using CustomerCare.Api.Infrastructure.Routing;
using CustomerCare.Api.Infrastructure.Security;
using CustomerCare.Application.Attachments.Commands.DeleteAttachment;
using CustomerCare.Application.Attachments.Commands.UploadAttachment;
using CustomerCare.Application.Attachments.Queries.GetAttachmentContent;
using CustomerCare.Application.Attachments.Queries.ListAttachments;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Domain.Complaints;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CustomerCare.Api.Endpoints;

/// <summary>Files of evidence on a complaint: uploaded as multipart, streamed through to the store, downloaded with ranges.</summary>
public sealed class Attachments : IEndpointGroup
{
    /// <summary>The longest value of a form field other than the file (<c>visibility</c>).</summary>
    private const int FieldMaxLength = 32;

    public void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/complaints/{complaintId:guid}/attachments").WithTags("Attachments").ProducesAuthProblems()
            .RequireAuthorization(Policies.StaffOrPartner);
        group.MapPost("/", UploadAttachment).WithName(nameof(UploadAttachment)).WithMetadata(new AttachmentUploadMetadata())
            .WithSummary("Attach a file of evidence (photo, screenshot, invoice, call recording) to a complaint you may see: multipart/form-data, streamed")
            .WithDescription("Parts: `visibility` (optional, before the file: `internal`, staff only, the default for staff; `public`, also the " +
                "complaint's partner, always for a partner's files), then `file`. The type is told by the file's first bytes: one not " +
                "in `CustomerCare:Attachments:AllowedTypes`, or not what the part's Content-Type claims, is a 415. A file above " +
                "`CustomerCare:Attachments:MaxFileBytes` (20 MB), or above what the complaint may still hold (`MaxComplaintBytes`, 100 MB), is " +
                "a 413, and nothing is kept. The answer gives the SHA-256 of what was stored.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/", ListAttachments).WithName(nameof(ListAttachments))
            .WithSummary("The files of a complaint you may read, oldest first (a partner: the public ones)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{attachmentId:guid}", DownloadAttachment).WithName(nameof(DownloadAttachment)).WithMetadata(new AttachmentDownloadMetadata())
            .WithSummary("Download a file: its stored type, `Content-Disposition: attachment`, its SHA-256 as ETag; `Range` requests answer 206")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
        group.MapDelete("/{attachmentId:guid}", DeleteAttachment).WithName(nameof(DeleteAttachment))
            .WithSummary("Delete a file (staff; a partner only the files it uploaded): the timeline keeps that it was removed, the bytes are gone")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Created<AttachmentDto>> UploadAttachment(Guid complaintId, HttpRequest request, ISender sender, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
        {
            throw new UnsupportedFileTypeException("Send the file as multipart/form-data, in a part named file.");
        }

        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            TimelineVisibility? visibility = null;
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (name == "file" && disposition.IsFileDisposition())
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    var created = await sender.Send(new UploadAttachmentCommand(complaintId, fileName, section.ContentType, visibility, section.Body), ct);
                    return TypedResults.Created($"{EndpointGroupExtensions.VersionPrefix}/complaints/{complaintId}/attachments/{created.Id}", created);
                }

                if (name == "visibility")
                {
                    visibility = EnumQuery.Parse<TimelineVisibility>(await FieldAsync(section, ct), "visibility");
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new ValidationException("file", "The multipart body is malformed.");
        }

        throw new ValidationException("file", "Send the file in a part named file (with a file name).");
    }

    public static async Task<Ok<IReadOnlyList<AttachmentDto>>> ListAttachments(Guid complaintId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListAttachmentsQuery(complaintId), ct));

    public static async Task<FileStreamHttpResult> DownloadAttachment(Guid complaintId, Guid attachmentId, ISender sender, CancellationToken ct)
    {
        var (file, content) = await sender.Send(new GetAttachmentContentQuery(complaintId, attachmentId), ct);
        return TypedResults.File(content, file.ContentType, file.FileName, file.UploadedAt, new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }

    public static async Task<NoContent> DeleteAttachment(Guid complaintId, Guid attachmentId, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteAttachmentCommand(complaintId, attachmentId), ct);
        return TypedResults.NoContent();
    }

    /// <summary>A short form field, read whole (one longer than <see cref="FieldMaxLength"/> is a 400).</summary>
    private static async Task<string> FieldAsync(MultipartSection section, CancellationToken ct)
    {
        var buffer = new byte[FieldMaxLength + 1];
        var filled = 0;
        while (filled < buffer.Length && await section.Body.ReadAsync(buffer.AsMemory(filled), ct) is var read and > 0)
        {
            filled += read;
        }

        return filled > FieldMaxLength
            ? throw new ValidationException("visibility", "Use internal or public.")
            : Encoding.UTF8.GetString(buffer, 0, filled).Trim();
    }
}
