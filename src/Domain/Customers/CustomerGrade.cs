using CustomerCare.Domain.Complaints;

namespace CustomerCare.Domain.Customers;

/// <summary>
/// A grade administrators give customers (standard, key, VIP, …). A <see cref="IsKey">key</see> grade gives its
/// customers' complaints the shorter key-customer targets and lets a follow-up plan be set for them. Like the other code
/// lists, a grade customers have is retired, never deleted.
/// </summary>
public sealed class CustomerGrade : ClassificationTerm
{
    private CustomerGrade()
    {
    }

    private CustomerGrade(string code, DateTimeOffset now)
        : base(code, now)
    {
    }

    /// <summary>Customers of this grade are key customers.</summary>
    public bool IsKey { get; private set; }

    public static CustomerGrade Create(string code, string nameEn, string nameZhCn, bool isKey, bool active, DateTimeOffset now)
    {
        var grade = new CustomerGrade(code, now);
        grade.Update(nameEn, nameZhCn, isKey, active, now);
        return grade;
    }

    public void Update(string nameEn, string nameZhCn, bool isKey, bool active, DateTimeOffset now)
    {
        if (Describe(nameEn, nameZhCn, active, now) | isKey != IsKey)
        {
            IsKey = isKey;
            Touch(now);
        }
    }
}

/// <summary>The grades a new database starts with; administrators rename, add and retire them.</summary>
public static class CustomerGrades
{
    public static readonly IReadOnlyList<(string Code, bool IsKey)> Defaults = [("standard", false), ("key", true), ("vip", true)];
}
