namespace CustomerCare.Application.Common.Interfaces;

/// <summary>Strong salted password hashing (PBKDF2 through ASP.NET Core's hasher in Infrastructure).</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    PasswordCheck Verify(string hash, string password);
}

public enum PasswordCheck
{
    Failed,
    Success,

    /// <summary>Correct, but hashed with weaker parameters than today's: store a new hash.</summary>
    SuccessRehashNeeded,
}
