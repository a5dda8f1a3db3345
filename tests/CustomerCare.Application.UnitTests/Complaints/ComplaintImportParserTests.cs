using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Complaints.Commands.ImportComplaints;
using CustomerCare.Application.Complaints.Queries.GetChangeFeed;
using CustomerCare.Domain.Common;

namespace CustomerCare.Application.UnitTests.Complaints;

public sealed class ComplaintImportParserTests
{
    [Test]
    public async Task ReadCsv_HandlesQuotesCommasLineBreaksAndColumnOrder()
    {
        const string csv = "Title,EXTERNALREFERENCE,channel,description,customerPhone,customerName\r\n" +
            "\"Leaks, badly\",R-1,phone,\"He said \"\"no\"\"\nthen hung up\",138 0013 8000,Zhang Wei\r\n" +
            "\r\n" +
            "Burns,R-2,webform,Toast,,Li Na";

        var rows = await ComplaintImportParser.ReadCsvAsync(new StringReader(csv), 10, CancellationToken.None);

        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(rows[0].Line, Is.EqualTo(2));
            Assert.That(rows[0].Command!.Input.Title, Is.EqualTo("Leaks, badly"));
            Assert.That(rows[0].Command!.Input.Description, Is.EqualTo("He said \"no\"\nthen hung up"));
            Assert.That(rows[0].Command!.Input.Channel, Is.EqualTo(Channel.Phone));
            Assert.That(rows[0].Command!.Input.Customer!.Phone, Is.EqualTo("138 0013 8000"));
            Assert.That(rows[0].ExternalReference, Is.EqualTo("R-1"));
            Assert.That(rows[1].Line, Is.EqualTo(5), "the blank line is skipped, the line count goes on");
            Assert.That(rows[1].Command!.Input.Channel, Is.EqualTo(Channel.WebForm));
        });
    }

    [Test]
    public async Task ReadCsv_ReportsUnreadableValuesPerRow()
    {
        const string csv = "externalReference,channel,occurredAt,customerId\nR-1,fax,yesterday,nope\n";

        var row = (await ComplaintImportParser.ReadCsvAsync(new StringReader(csv), 10, CancellationToken.None)).Single();

        Assert.That(row.Command, Is.Null);
        Assert.That(row.Errors.Keys, Is.EquivalentTo(new[] { "channel", "occurredAt", "customerId" }));
    }

    [Test]
    public void ReadCsv_RefusesUnknownColumnsUnclosedQuotesAndTooManyRows()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => ComplaintImportParser.ReadCsvAsync(new StringReader("title,colour\n"), 10, CancellationToken.None),
                Throws.TypeOf<ValidationException>().With.Message.Not.Empty);
            Assert.That(() => ComplaintImportParser.ReadCsvAsync(new StringReader("title\n\"open"), 10, CancellationToken.None),
                Throws.TypeOf<ValidationException>());
            Assert.That(() => ComplaintImportParser.ReadCsvAsync(new StringReader("title\na\nb\nc\n"), 2, CancellationToken.None),
                Throws.TypeOf<ValidationException>());
        });
    }

    [Test]
    public async Task ReadNdjson_ReportsBrokenLinesAndUnknownFieldsAndMissingChannel()
    {
        const string ndjson = """
            {"externalReference":"N-1","channel":"email","title":"t","description":"d","customer":{"name":"A","email":"a@example.com"}}
            {"externalReference":"N-2","channel":"email","colour":"red"}
            not json
            {"externalReference":"N-3","title":"t","description":"d"}
            """;

        var rows = await ComplaintImportParser.ReadNdjsonAsync(new StringReader(ndjson), 10, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Line), Is.EqualTo(new[] { 1, 2, 3, 4 }));
            Assert.That(rows[0].Command!.Input.Channel, Is.EqualTo(Channel.Email));
            Assert.That(rows[0].Errors, Is.Empty);
            Assert.That(rows[1].Command, Is.Null, "unknown fields are refused, not silently dropped");
            Assert.That(rows[2].Command, Is.Null);
            Assert.That(rows[3].Command!.Input.Channel, Is.Null, "a missing channel is read as missing; the validator refuses it (ImportTests)");
        });
    }

    [Test]
    public async Task Read_RefusesControlCharactersThatCannotBeStored()
    {
        var csv = await ComplaintImportParser.ReadCsvAsync(new StringReader("externalReference,channel,title\nR-1,phone,Bad\u0000title\n"), 10, CancellationToken.None);
        var ndjson = await ComplaintImportParser.ReadNdjsonAsync(
            new StringReader("""{"externalReference":"R-1","channel":"phone","title":"Bad\u0000title"}"""), 10, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(csv.Single().Command, Is.Null);
            Assert.That(csv.Single().Errors.Keys, Is.EqualTo(new[] { "title" }));
            Assert.That(ndjson.Single().Command, Is.Null);
            Assert.That(ndjson.Single().Errors.Keys, Is.EqualTo(new[] { "$.title" }));
        });
    }

    [TestCase(0L, 0L)]
    [TestCase(123456789L, 42L)]
    [TestCase(long.MaxValue, long.MaxValue)]
    public void ChangeFeedCursor_RoundTrips(long transaction, long position)
    {
        var text = new ChangeFeedCursor(transaction, position).ToString();
        Assert.Multiple(() =>
        {
            Assert.That(ChangeFeedCursor.TryParse(text, out var parsed), Is.True);
            Assert.That(parsed, Is.EqualTo(new ChangeFeedCursor(transaction, position)));
            Assert.That(text, Does.Match("^[A-Za-z0-9_-]+$"), "URL-safe");
        });
    }

    [TestCase("not-a-cursor!")]
    [TestCase("MTIz")] // "123": no position
    [TestCase("LTEuMg")] // "-1.2": negative
    public void ChangeFeedCursor_RefusesWhatItDidNotHandOut(string text) =>
        Assert.That(ChangeFeedCursor.TryParse(text, out _), Is.False);
}
