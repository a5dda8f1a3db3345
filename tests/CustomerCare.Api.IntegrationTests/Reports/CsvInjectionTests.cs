using CustomerCare.Api.Infrastructure.Responses;

namespace CustomerCare.Api.IntegrationTests.Reports;

/// <summary>A text cell of a CSV report cannot start a formula wherever a spreadsheet could start a cell.</summary>
public class CsvInjectionTests
{
    [TestCase("=1+1", "'=1+1")]
    [TestCase("  =HYPERLINK(\"http://x\")", "  '=HYPERLINK(\"http://x\")")]
    [TestCase("ok;=cmd|' /C calc'!A0", "ok;'=cmd|' /C calc'!A0")]
    [TestCase("a, -2+3, @SUM(A1)", "a, '-2+3, '@SUM(A1)")]
    [TestCase("\t=1", "'\t=1")]
    [TestCase("＝1+1", "'＝1+1")]
    [TestCase("投诉；＋1", "投诉；'＋1")]
    [TestCase("水壶漏水, 已更换", "水壶漏水, 已更换")]
    [TestCase("a-b=c", "a-b=c")]
    [TestCase("", "")]
    public void Defuse_PrefixesEveryPlaceAFormulaCouldStart(string text, string expected)
    {
        Assert.That(ReportTable.Defuse(text), Is.EqualTo(expected));
    }
}
