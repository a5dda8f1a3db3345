using CustomerCare.Application.Common.Interfaces;
using CustomerCare.Domain.Customers;

namespace CustomerCare.Application.Customers;

internal static class CustomerAccessLog
{
    /// <summary>Adds an access-log entry for the caller; it is saved with the command's unit of work.</summary>
    public static void Record(
        this IApplicationDbContext db, ICurrentUser user, Guid customerId, CustomerAccess action, DateTimeOffset at, Guid? related = null, int? points = null) =>
        db.CustomerAccessRecords.Add(new CustomerAccessRecord(
            customerId, action, user.Kind switch
            {
                CallerKind.Staff => "staff",
                CallerKind.Partner => "partner",
                _ => "system",
            },
            user.Id, related, at, points));
}
