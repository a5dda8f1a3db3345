using CustomerCare.Application.Common.Interfaces;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace CustomerCare.Infrastructure.PersonalData;

/// <summary>Phone numbers to E.164 with libphonenumber (numbers without a country code are read in the default region).</summary>
public sealed class ContactNormaliser(IOptions<PersonalDataOptions> options) : IContactNormaliser
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public string? NormalisePhone(string input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
        {
            return null;
        }

        try
        {
            var text = input.Trim();
            if (text.StartsWith("00", StringComparison.Ordinal))
            {
                text = "+" + text[2..];
            }

            var number = Phones.Parse(text, options.Value.DefaultPhoneRegion);
            return Phones.IsPossibleNumber(number) && Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public string NormaliseEmail(string input) => input.Trim().ToLowerInvariant();
}
