using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Application.Common.Validation;
using FluentValidation;
using CustomerCare.Domain.Complaints;
using Microsoft.EntityFrameworkCore;
using ValidationException = CustomerCare.Application.Common.Exceptions.ValidationException;

namespace CustomerCare.Application.Complaints;

/// <summary>
/// The classification rules receive, register, reclassify and investigate share: a category or cause is one the
/// administrators keep, still active. Checked by the handlers against the database (validators only check the form).
/// </summary>
public static class ClassificationRules
{
    /// <summary>The column the database derives from an investigation's cause code (reports and usage counts read it).</summary>
    public const string CauseColumn = "Cause";

    /// <summary>A code as categories and causes have them (<see cref="ClassificationTerm.CodePattern"/>).</summary>
    public static IRuleBuilderOptions<T, string> ClassificationCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(ClassificationTerm.CodeMaxLength)
            .Matches(ClassificationTerm.CodePattern).WithMessage(_ => ValidationTexts.Get("ClassificationCode"));

    public static IRuleBuilderOptions<T, string> ClassificationName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(ClassificationTerm.NameMaxLength);

    /// <summary>
    /// The department an active category routes to (null when that department is inactive), or a 400 naming
    /// <paramref name="field"/> when no active category has the code.
    /// </summary>
    public static async Task<Guid?> RoutingOfActiveCategoryAsync(IApplicationDbContext db, string code, string field, CancellationToken ct)
    {
        var category = await db.ComplaintCategories.AsNoTracking().Where(c => c.Code == code)
            .Select(c => new
            {
                c.IsActive,
                DepartmentId = db.Departments.Where(d => d.Id == c.DepartmentId && d.IsActive).Select(d => (Guid?)d.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        return category switch
        {
            null => throw new ValidationException(field, "No category has this code."),
            { IsActive: false } => throw new ValidationException(field, "This category is retired; choose an active one."),
            _ => category.DepartmentId,
        };
    }

    /// <summary>A 400 naming <paramref name="field"/> unless an active cause has the code.</summary>
    public static async Task EnsureActiveCauseAsync(IApplicationDbContext db, string code, string field, CancellationToken ct)
    {
        var active = await db.ComplaintCauses.AsNoTracking().Where(c => c.Code == code).Select(c => (bool?)c.IsActive).SingleOrDefaultAsync(ct);
        if (active is not true)
        {
            throw new ValidationException(field, active is null ? "No cause has this code." : "This cause is retired; choose an active one.");
        }
    }
}
