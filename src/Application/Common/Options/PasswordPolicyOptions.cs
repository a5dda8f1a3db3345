using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Application.Common.Options;

/// <summary>What a staff password must be, under <c>CustomerCare:Auth:Password</c>.</summary>
public sealed class PasswordPolicyOptions
{
    public const string SectionName = "CustomerCare:Auth:Password";

    [Range(8, 128)]
    public int MinLength { get; set; } = 12;

    /// <summary>At least one letter and one digit or symbol.</summary>
    public bool RequireMixedCharacters { get; set; } = true;
}
