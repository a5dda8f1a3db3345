using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace CustomerCare.Application.Customers;

/// <summary>What a customer's grade may be, and what it makes them.</summary>
public static class CustomerGradeRules
{
    public static readonly DateOnly EarliestBirthday = new(1900, 1, 1);

    /// <summary>
    /// Whether <paramref name="grade"/> is a key grade; a 400 naming <c>grade</c> when no grade has the code, or when it is
    /// retired and the customer does not have it already (<paramref name="current"/>: a customer keeps a retired grade).
    /// </summary>
    public static async Task<bool> EnsureGivableAsync(IApplicationDbContext db, string? grade, string? current, CancellationToken ct)
    {
        if (grade is null)
        {
            return false;
        }

        var found = await db.CustomerGrades.AsNoTracking().Where(g => g.Code == grade).Select(g => new { g.IsActive, g.IsKey }).SingleOrDefaultAsync(ct);
        return found switch
        {
            null => throw new ValidationException("grade", "No customer grade has this code."),
            { IsActive: false } when grade != current => throw new ValidationException("grade", "This grade is retired; choose an active one."),
            _ => found.IsKey,
        };
    }

    /// <summary>Whether the customer's grade is a key grade now.</summary>
    public static Task<bool> IsKeyCustomerAsync(IApplicationDbContext db, Guid customerId, CancellationToken ct) =>
        db.Customers.AsNoTracking().AnyAsync(c => c.Id == customerId && db.CustomerGrades.Any(g => g.Code == c.Grade && g.IsKey), ct);
}
