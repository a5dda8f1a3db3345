using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CustomerCare.Infrastructure.Data;

/// <summary>What PostgreSQL's and EF Core's failures mean for the caller; the only place that knows SQLSTATEs and constraint names.</summary>
public sealed class DatabaseExceptionTranslator : IExceptionTranslator
{
    public Exception Translate(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => new ConcurrentChangeException(exception),
        // Two changes raced on one complaint and both appended to its history: the later one lost.
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique }
            when unique.ConstraintName?.Contains("complaint_timeline", StringComparison.Ordinal) == true => new ConcurrentChangeException(exception),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => new ConcurrentDuplicateException(exception),
        // PostgreSQL class 22 (data exception): a value the database cannot take, such as a NUL character.
        _ when IsDataException(exception) => new UnstorableValueException(exception),
        _ when IsUnavailable(exception) => new ServiceUnavailableException("database", exception),
        _ => exception,
    };

    private static bool IsDataException(Exception exception) => exception switch
    {
        PostgresException { SqlState: ['2', '2', ..] } => true,
        { InnerException: { } inner } => IsDataException(inner),
        _ => false,
    };

    private static bool IsUnavailable(Exception exception) => exception switch
    {
        RetryLimitExceededException => true,
        NpgsqlException { IsTransient: true } => true,
        TimeoutException => true,
        { InnerException: { } inner } => IsUnavailable(inner),
        _ => false,
    };
}
