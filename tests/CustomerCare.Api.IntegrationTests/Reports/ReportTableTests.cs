using CustomerCare.Api.Infrastructure.Responses;

namespace CustomerCare.Api.IntegrationTests.Reports;

/// <summary>The CSV form of reports: RFC 4180 quoting, invariant numbers, and no formulas smuggled into a spreadsheet.</summary>
public class ReportTableTests
{
    [Test]
    public void Cells_AreQuotedWhereNeeded_NumbersInvariant_FormulasDefused()
    {
        var csv = new ReportTable("text", "number", "date", "none")
            .Add("Supplier, batch \"42\"", 0.3333, new DateOnly(2026, 3, 1), null)
            .Add("=HYPERLINK(\"http://evil.example\")", -1.5, new DateOnly(2026, 3, 2), null)
            .Add("line\nbreak", 1000.0, new DateOnly(2026, 3, 3), null)
            .ToCsv();

        Assert.That(csv, Is.EqualTo(
            "text,number,date,none\r\n" +
            "\"Supplier, batch \"\"42\"\"\",0.3333,2026-03-01,\r\n" +
            "\"'=HYPERLINK(\"\"http://evil.example\"\")\",-1.5,2026-03-02,\r\n" +
            "\"line\nbreak\",1000,2026-03-03,\r\n"));
    }

    [Test]
    public void ARow_MustFitTheColumns() =>
        Assert.That(() => new ReportTable("a", "b").Add(1), Throws.ArgumentException);
}
