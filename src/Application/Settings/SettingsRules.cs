using CustomerCare.Domain.Common;
using FluentValidation;

namespace CustomerCare.Application.Settings;

internal static class SettingsRules
{
    /// <summary>Settings are valid when the domain accepts what they describe; its refusal becomes a field error.</summary>
    public static void Check<TCommand>(Func<object> build, ValidationContext<TCommand> context)
    {
        try
        {
            build();
        }
        catch (DomainException ex)
        {
            context.AddFailure(ex.Message);
        }
    }
}
