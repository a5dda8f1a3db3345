using CustomerCare.Application.Common.Interfaces;
using Microsoft.AspNetCore.Identity;

namespace CustomerCare.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's hasher: PBKDF2 with HMAC-SHA512, a random salt per password, 100,000 iterations.</summary>
internal sealed class AspNetPasswordHasher : Application.Common.Interfaces.IPasswordHasher
{
    private static readonly object User = new();
    private readonly PasswordHasher<object> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(User, password);

    public PasswordCheck Verify(string hash, string password)
    {
        try
        {
            return _hasher.VerifyHashedPassword(User, hash, password) switch
            {
                PasswordVerificationResult.Success => PasswordCheck.Success,
                PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
                _ => PasswordCheck.Failed,
            };
        }
        catch (FormatException)
        {
            return PasswordCheck.Failed;
        }
    }
}
