using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCare.Application.Common.Exceptions;
using CustomerCare.Application.Common.Serialization;
using CustomerCare.Application.Complaints.Commands.ReceiveComplaint;
using CustomerCare.Domain.Common;
using CustomerCare.Domain.Complaints;

namespace CustomerCare.Application.Complaints.Commands.ImportComplaints;

/// <summary>One line (NDJSON) or record (CSV) of an import file: the complaint it describes, or why it could not be read.</summary>
public sealed record ImportRow(int Line, ReceiveComplaintCommand? Command, IReadOnlyDictionary<string, string[]> Errors)
{
    public string? ExternalReference => ComplaintIntake.Reference(Command?.Input.ExternalReference);
}

/// <summary>
/// Reads an import file. NDJSON: one JSON object per line, shaped as the body of POST /complaints. CSV (RFC 4180,
/// header row, comma-separated, quotes for fields holding commas, quotes or line breaks): the columns in
/// <see cref="CsvColumns"/>, in any order, names case-insensitive. Rows that cannot be read are reported, not thrown.
/// </summary>
public static class ComplaintImportParser
{
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "externalReference", "channel", "title", "description", "remedySought", "occurredAt", "category", "severity", "product",
        "customerId", "customerName", "customerPhone", "customerEmail",
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false), new RejectControlCharacters() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The rows of a whole file held as text (an import job's file, read when queued and again when run).</summary>
    public static async Task<List<ImportRow>> ReadAsync(Domain.Imports.ComplaintImportFormat format, string file, int maxRows, CancellationToken ct)
    {
        using var reader = new StringReader(file);
        return format == Domain.Imports.ComplaintImportFormat.Csv
            ? await ReadCsvAsync(reader, maxRows, ct)
            : await ReadNdjsonAsync(reader, maxRows, ct);
    }

    public static async Task<List<ImportRow>> ReadNdjsonAsync(TextReader reader, int maxRows, CancellationToken ct)
    {
        var rows = new List<ImportRow>();
        var line = 0;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            TooMany(rows.Count, maxRows);
            try
            {
                // A row is the body of POST /complaints: the same input record, validated by the same rules.
                var input = JsonSerializer.Deserialize<ReceiveComplaintInput>(text, Json);
                rows.Add(input is null
                    ? Error(line, "$", "Expected a JSON object.")
                    : new ImportRow(line, new ReceiveComplaintCommand(input), Empty));
            }
            catch (JsonException ex)
            {
                rows.Add(Error(line, string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path, "Not valid JSON, or a value of the wrong type."));
            }
        }

        return rows;
    }

    public static async Task<List<ImportRow>> ReadCsvAsync(TextReader reader, int maxRows, CancellationToken ct)
    {
        var csv = new CsvReader(reader);
        var header = await csv.ReadRecordAsync(ct) ?? throw new ValidationException("file", "The CSV file is empty; it needs a header row.");
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim().TrimStart('\uFEFF');
            if (!CsvColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new ValidationException("file", $"Unknown column '{name}'; the columns are: {string.Join(", ", CsvColumns)}.");
            }

            if (!columns.TryAdd(name, i))
            {
                throw new ValidationException("file", $"Column '{name}' appears twice.");
            }
        }

        var rows = new List<ImportRow>();
        while (await csv.ReadRecordAsync(ct) is { } record)
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            TooMany(rows.Count, maxRows);
            rows.Add(FromCsv(record, columns));
        }

        return rows;
    }

    private static ImportRow FromCsv(CsvRecord record, Dictionary<string, int> columns)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Field(string name)
        {
            var key = columns.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            if (key is null || columns[key] >= record.Fields.Count)
            {
                return null;
            }

            var value = record.Fields[columns[key]].Trim();
            if (RejectControlCharacters.HasForbidden(value))
            {
                errors[name] = ["Control characters are not allowed in text."];
                return null;
            }

            return value.Length == 0 ? null : value;
        }

        T? Parse<T>(string name, Func<string, T?> parse, string message)
            where T : struct
        {
            if (Field(name) is not { } text)
            {
                return null;
            }

            var value = parse(text);
            if (value is null)
            {
                errors[name] = [message];
            }

            return value;
        }

        var channel = Parse("channel", t => EnumValue<Channel>(t), $"Use one of: {Names<Channel>()}.");
        var severity = Parse("severity", t => EnumValue<Severity>(t), $"Use one of: {Names<Severity>()}.");
        var occurredAt = Parse("occurredAt",
            t => DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null,
            "Not a date and time; use ISO 8601, e.g. 2026-11-20T09:30:00Z.");
        var customerId = Parse("customerId", t => Guid.TryParse(t, out var id) ? id : (Guid?)null, "Not a UUID.");
        if (errors.Count > 0)
        {
            return new ImportRow(record.Line, null, errors);
        }

        var name = Field("customerName");
        var phone = Field("customerPhone");
        var email = Field("customerEmail");
        var customer = name is null && phone is null && email is null ? null : new InlineCustomer(name ?? string.Empty, phone, email);
        var command = new ReceiveComplaintCommand(new ReceiveComplaintInput(
            channel, customerId, customer, Field("title") ?? string.Empty, Field("description") ?? string.Empty,
            Field("remedySought"), occurredAt, Field("category"), severity, Field("externalReference"), Field("product")));
        return errors.Count > 0 ? new ImportRow(record.Line, null, errors) : new ImportRow(record.Line, command, Empty);
    }

    private static void TooMany(int count, int maxRows)
    {
        if (count >= maxRows)
        {
            throw new ValidationException("file", $"An import holds at most {maxRows} rows; split the file.");
        }
    }

    private static T? EnumValue<T>(string text)
        where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;

    private static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName));

    private static ImportRow Error(int line, string field, string message) =>
        new(line, null, new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();
}

/// <summary>One CSV record and the line it starts on.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF ends a record.</summary>
internal sealed class CsvReader(TextReader reader)
{
    private int _line = 1;

    public async Task<CsvRecord?> ReadRecordAsync(CancellationToken ct)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var start = _line;
        var quoted = false;
        var any = false;
        var buffer = new char[1];
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var read = await reader.ReadAsync(buffer, ct);
            if (read == 0)
            {
                if (quoted)
                {
                    throw new ValidationException("file", $"A quoted field opened on line {start} is never closed.");
                }

                if (!any)
                {
                    return null;
                }

                fields.Add(field.ToString());
                return new CsvRecord(start, fields);
            }

            any = true;
            var c = buffer[0];
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        await reader.ReadAsync(buffer, ct);
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    _line++;
                    fields.Add(field.ToString());
                    return new CsvRecord(start, fields);
                default:
                    field.Append(c);
                    break;
            }
        }
    }
}
