using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Validation;
using CustomerCare.Application.Complaints;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Customers;
using FluentValidation;

namespace CustomerCare.Application.Customers;

/// <summary>A customer as clients write it (create and update share it).</summary>
public sealed record CustomerInput(
    string Name,
    string? Company,
    string? Segment,
    Channel? PreferredChannel,
    string? PreferredLanguage,
    ConsentInput? Consent,
    IReadOnlyList<ContactPointInput> ContactPoints,
    string? TimeZone = null,
    string? Grade = null,
    DateOnly? Birthday = null);

public sealed record ConsentInput(bool ContactByPhone, bool ContactByEmail, bool Marketing);

public sealed record ContactPointInput(
    ContactKind Kind,
    string Value,
    string? Platform,
    bool IsPrimary);

internal static class CustomerInputMapping
{
    /// <summary>Normalises the input and computes its lookup keys; the validator has already vouched for it.</summary>
    public static (CustomerProfile Profile, List<NewContactPoint> Contacts) ToDomain(
        this CustomerInput input, IContactNormaliser normaliser, IPersonalDataIndex index)
    {
        var consent = input.Consent is { } c ? new CustomerConsent(c.ContactByPhone, c.ContactByEmail, c.Marketing) : CustomerConsent.None;
        var profile = new CustomerProfile(
            input.Name.Trim(), index.NameKeys(input.Name), input.Company?.Trim(), input.Segment?.Trim(),
            input.PreferredChannel, input.PreferredLanguage?.Trim(), consent, input.TimeZone?.Trim(), input.Grade, input.Birthday);
        var contacts = input.ContactPoints.Select(p =>
        {
            var value = normaliser.Normalise(p.Kind, p.Value)
                ?? throw new InvalidOperationException("An invalid contact point passed validation.");
            return new NewContactPoint(p.Kind, value, p.Kind == ContactKind.Messaging ? p.Platform?.Trim().ToLowerInvariant() : null,
                index.ContactKey(p.Kind, value), p.IsPrimary);
        }).ToList();
        return (profile, contacts);
    }
}

/// <summary>The rules of <see cref="CustomerInput"/>, shared by the create and update validators.</summary>
public sealed class CustomerInputValidator : AbstractValidator<CustomerInput>
{
    public CustomerInputValidator(IContactNormaliser normaliser, TimeProvider time)
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Customer.NameMaxLength);
        RuleFor(c => c.Company).MaximumLength(Customer.CompanyMaxLength);
        RuleFor(c => c.Segment).MaximumLength(Customer.SegmentMaxLength)
            .Matches("^[A-Za-z0-9-]+$").When(c => !string.IsNullOrEmpty(c.Segment)).WithMessage(_ => ValidationTexts.Get("LettersDigitsHyphens"));
        RuleFor(c => c.PreferredChannel).IsInEnum();
        RuleFor(c => c.PreferredLanguage).MaximumLength(Customer.LanguageMaxLength)
            .Matches("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$").When(c => !string.IsNullOrEmpty(c.PreferredLanguage))
            .WithMessage(_ => ValidationTexts.Get("LanguageTag"));
        RuleFor(c => c.TimeZone).MaximumLength(Customer.TimeZoneMaxLength)
            .Must(zone => TimeZoneInfo.TryFindSystemTimeZoneById(zone!.Trim(), out var found) && found.HasIanaId).When(c => !string.IsNullOrWhiteSpace(c.TimeZone))
            .WithMessage(_ => ValidationTexts.Get("TimeZoneIana"));
        RuleFor(c => c.Grade!).ClassificationCode().When(c => c.Grade is not null);
        RuleFor(c => c.Birthday).Must(day => day >= CustomerGradeRules.EarliestBirthday && day <= DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddDays(1)))
            .When(c => c.Birthday is not null).WithMessage(_ => ValidationTexts.Get("Birthday"));
        RuleFor(c => c.ContactPoints).NotNull()
            .MaxItems(Customer.MaxContactPoints).WithMessage(_ => ValidationTexts.Format("ContactPointsMax", Customer.MaxContactPoints));
        RuleForEach(c => c.ContactPoints).NotNull().WithMessage(_ => ValidationTexts.Get("ContactPointNotNull"));
        RuleForEach(c => c.ContactPoints).Where(p => p is not null).SetValidator(new ContactPointInputValidator(normaliser));
    }
}

public sealed class ContactPointInputValidator : AbstractValidator<ContactPointInput>
{
    public ContactPointInputValidator(IContactNormaliser normaliser)
    {
        RuleFor(p => p.Kind).IsInEnum();
        RuleFor(p => p.Value).NotEmpty().MaximumLength(ContactPoint.ValueMaxLength);
        RuleFor(p => p.Value).EmailAddress().When(p => p.Kind == ContactKind.Email);
        RuleFor(p => p.Value).Must(v => normaliser.NormalisePhone(v) is not null)
            .When(p => p.Kind == ContactKind.Phone && !string.IsNullOrWhiteSpace(p.Value))
            .WithMessage(_ => ValidationTexts.Get("PhoneInvalidInternational"));
        RuleFor(p => p.Platform).MaximumLength(ContactPoint.PlatformMaxLength);
        RuleFor(p => p.Platform).NotEmpty().When(p => p.Kind == ContactKind.Messaging)
            .WithMessage(_ => ValidationTexts.Get("MessagingPlatformRequired"));
    }
}
