using System.Text.RegularExpressions;
using CustomerCare.Domain.Common;

namespace CustomerCare.Domain.Complaints;

/// <summary>
/// A term of a code list administrators keep (complaint categories, causes): a stable code complaints store, its names
/// in English and Simplified Chinese, and whether it may still be chosen. A term in use is retired, never deleted:
/// complaints keep naming it.
/// </summary>
public abstract partial class ClassificationTerm
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 100;

    /// <summary>Letters first, then letters, digits, <c>.</c>, <c>_</c> or <c>-</c> (<c>productQuality</c>, <c>billing-system</c>).</summary>
    public const string CodePattern = "^[A-Za-z][A-Za-z0-9._-]{0,39}$";

    protected ClassificationTerm()
    {
        Code = string.Empty;
        NameEn = string.Empty;
        NameZhCn = string.Empty;
    }

    protected ClassificationTerm(string code, DateTimeOffset now)
        : this()
    {
        Code = IsCode(code) ? code : throw new DomainException("classification.code", $"'{code}' is not a valid code.");
        CreatedAt = now;
        UpdatedAt = now;
        IsActive = true;
    }

    public string Code { get; private set; }

    public string NameEn { get; private set; }

    public string NameZhCn { get; private set; }

    /// <summary>Whether new complaints (or investigations) may choose it; retired terms stay on what already names them.</summary>
    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Row version (PostgreSQL <c>xmin</c>): the ETag.</summary>
    public uint Version { get; private set; }

    public static bool IsCode(string? code) => code is not null && CodeRegex().IsMatch(code);

    /// <summary>Names it and switches it on or off; nothing changes when all is as given.</summary>
    protected bool Describe(string nameEn, string nameZhCn, bool active, DateTimeOffset now)
    {
        var en = Guard.Text(nameEn, NameMaxLength, "nameEn");
        var zh = Guard.Text(nameZhCn, NameMaxLength, "nameZhCn");
        if (en == NameEn && zh == NameZhCn && active == IsActive)
        {
            return false;
        }

        (NameEn, NameZhCn, IsActive, UpdatedAt) = (en, zh, active, now);
        return true;
    }

    protected void Touch(DateTimeOffset now) => UpdatedAt = now;

    [GeneratedRegex(CodePattern, RegexOptions.CultureInvariant)]
    private static partial Regex CodeRegex();
}

/// <summary>A complaint category and the department its complaints are routed to when they are registered.</summary>
public sealed class ComplaintCategory : ClassificationTerm
{
    private ComplaintCategory()
    {
    }

    private ComplaintCategory(string code, DateTimeOffset now)
        : base(code, now)
    {
    }

    public Guid DepartmentId { get; private set; }

    public static ComplaintCategory Create(string code, string nameEn, string nameZhCn, Guid departmentId, bool active, DateTimeOffset now)
    {
        var category = new ComplaintCategory(code, now);
        category.Update(nameEn, nameZhCn, departmentId, active, now);
        return category;
    }

    public void Update(string nameEn, string nameZhCn, Guid departmentId, bool active, DateTimeOffset now)
    {
        if (Describe(nameEn, nameZhCn, active, now) | departmentId != DepartmentId)
        {
            DepartmentId = departmentId;
            Touch(now);
        }
    }
}

/// <summary>A cause an investigation finds (personal operation, billing system, network, …); reports group by it.</summary>
public sealed class ComplaintCause : ClassificationTerm
{
    private ComplaintCause()
    {
    }

    private ComplaintCause(string code, DateTimeOffset now)
        : base(code, now)
    {
    }

    public static ComplaintCause Create(string code, string nameEn, string nameZhCn, bool active, DateTimeOffset now)
    {
        var cause = new ComplaintCause(code, now);
        cause.Update(nameEn, nameZhCn, active, now);
        return cause;
    }

    public void Update(string nameEn, string nameZhCn, bool active, DateTimeOffset now) => Describe(nameEn, nameZhCn, active, now);
}
