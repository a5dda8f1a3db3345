using AutoMapper;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Options;
using CustomerCare.Application.Complaints.Queries;
using CustomerCare.Application.Customers;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;
using CustomerCare.Domain.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Severity = CustomerCare.Domain.Complaints.Severity;
using ValidationException = CustomerCare.Application.Common.Exceptions.ValidationException;

namespace CustomerCare.Application.Complaints.Commands;

/// <summary>
/// A complaint arrives (status received), from staff or a partner system. The customer is named by id, or
/// given inline and matched to an existing customer by phone or e-mail. A partner sending an external
/// reference it already used gets that complaint back instead of a duplicate.
/// </summary>
public sealed record ReceiveComplaintCommand(
    Channel Channel,
    Guid? CustomerId,
    InlineCustomer? Customer,
    string Title,
    string Description,
    string? RemedySought,
    DateTimeOffset? OccurredAt,
    string? Category,
    Severity? Severity,
    string? ExternalReference,
    string? Product = null) : ICommand<ReceivedComplaint>;

/// <summary>A customer given with the complaint: matched by phone or e-mail, else created.</summary>
public sealed record InlineCustomer(string Name, string? Phone, string? Email);

public sealed record ReceivedComplaint(ComplaintDto Complaint, bool Created);

public sealed class ReceiveComplaintCommandValidator : AbstractValidator<ReceiveComplaintCommand>
{
    public ReceiveComplaintCommandValidator(IContactNormaliser normaliser, IOptions<ComplaintOptions> options, TimeProvider time)
    {
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c).Must(c => c.CustomerId is not null ^ c.Customer is not null)
            .WithName("customer").OverridePropertyName("customer").WithMessage("Give either customerId or customer, not both.");
        RuleFor(c => c.CustomerId).NotEqual(Guid.Empty);
        RuleFor(c => c.Customer!).ChildRules(customer =>
        {
            customer.RuleFor(x => x.Name).NotEmpty().MaximumLength(Customer.NameMaxLength);
            customer.RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.Phone) || !string.IsNullOrWhiteSpace(x.Email))
                .OverridePropertyName("phone").WithMessage("Give a phone number or an e-mail address to find or create the customer by.");
            customer.RuleFor(x => x.Phone).MaximumLength(ContactPoint.ValueMaxLength);
            customer.RuleFor(x => x.Phone).Must(p => normaliser.NormalisePhone(p!) is not null).When(x => !string.IsNullOrWhiteSpace(x.Phone))
                .WithMessage("Not a valid phone number.");
            customer.RuleFor(x => x.Email).MaximumLength(ContactPoint.ValueMaxLength).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email));
        }).When(c => c.Customer is not null);
        RuleFor(c => c.Title).NotEmpty().MaximumLength(Complaint.TitleMaxLength);
        RuleFor(c => c.Description).NotEmpty().MaximumLength(Complaint.DescriptionMaxLength);
        RuleFor(c => c.RemedySought).MaximumLength(Complaint.RemedyMaxLength);
        RuleFor(c => c.OccurredAt).LessThanOrEqualTo(_ => time.GetUtcNow().AddMinutes(5)).WithMessage("Cannot lie in the future.")
            .GreaterThanOrEqualTo(_ => time.GetUtcNow().AddYears(-20)).WithMessage("Cannot lie more than 20 years back.");
        RuleFor(c => c.Category).Must(c => options.Value.Routing.ContainsKey(c!)).When(c => c.Category is not null)
            .WithMessage(_ => $"Unknown category; use one of: {string.Join(", ", options.Value.Routing.Keys)}.");
        RuleFor(c => c.Severity).IsInEnum();
        RuleFor(c => c.ExternalReference).MaximumLength(Complaint.ExternalReferenceMaxLength);
        RuleFor(c => c.Product).MaximumLength(Complaint.ProductMaxLength);
    }
}

public sealed class ReceiveComplaintCommandHandler(ComplaintIntake intake, ICurrentUser user, IMapper mapper, TimeProvider time)
    : ICommandHandler<ReceiveComplaintCommand, ReceivedComplaint>
{
    public async ValueTask<ReceivedComplaint> Handle(ReceiveComplaintCommand command, CancellationToken cancellationToken)
    {
        if (await intake.ExistingAsync(command.ExternalReference, cancellationToken) is { } existing)
        {
            return new ReceivedComplaint(mapper.ToDto(existing, user, time.GetUtcNow()), Created: false);
        }

        var complaint = await intake.StageAsync(command, customers: null, cancellationToken);
        try
        {
            await intake.SaveAsync(cancellationToken);
        }
        catch (DbUpdateException) when (intake.PartnerId is not null && ComplaintIntake.Reference(command.ExternalReference) is not null)
        {
            // The same reference arrived twice at once and the other request won the unique index: answer with its complaint.
            intake.Discard();
            var winner = await intake.ExistingAsync(command.ExternalReference, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return new ReceivedComplaint(mapper.ToDto(winner, user, time.GetUtcNow()), Created: false);
        }

        return new ReceivedComplaint(mapper.ToDto(complaint, user, time.GetUtcNow()), Created: true);
    }
}

public static class ComplaintNumbers
{
    /// <summary><c>CC-2026-000123</c>: the year received and the database sequence, so unique across replicas.</summary>
    public static string Format(DateTimeOffset receivedAt, long sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"CC-{receivedAt.UtcDateTime.Year}-{sequence:D6}");
}
