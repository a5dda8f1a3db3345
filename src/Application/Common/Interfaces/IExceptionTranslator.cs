namespace CustomerCare.Application.Common.Interfaces;

/// <summary>
/// Turns a failure of a technology below Application (the database driver, EF Core) into the application exception
/// that says what it means for the caller, so the API maps only application exceptions to problem details.
/// </summary>
public interface IExceptionTranslator
{
    /// <summary>The application exception <paramref name="exception"/> stands for, or <paramref name="exception"/> itself.</summary>
    Exception Translate(Exception exception);
}
