namespace CustomerCare.Application.Complaints;

public static class ComplaintNumbers
{
    /// <summary><c>CC-2026-000123</c>: the year received and the database sequence, so unique across replicas.</summary>
    public static string Format(DateTimeOffset receivedAt, long sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"CC-{receivedAt.UtcDateTime.Year}-{sequence:D6}");
}
