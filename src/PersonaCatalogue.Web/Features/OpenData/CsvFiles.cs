using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PersonaCatalogue.Web.Features.OpenData;

/// <summary>
/// Writes CSV as RFC 4180 says: UTF-8, a header row, CRLF between records, and a field quoted (with its quotes
/// doubled) when it holds a comma, quote or line break. A field that a spreadsheet would run as a formula
/// (starting with =, +, -, @, tab or carriage return) gets an apostrophe in front, as OWASP advises.
/// Lists of slugs are joined with "; "; lists with more detail are a JSON array in the cell.
/// </summary>
public static class CsvFiles
{
    private static readonly char[] _formulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] _needsQuotes = [',', '"', '\r', '\n'];

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var csv = new StringBuilder();
        AppendRecord(csv, header);
        foreach (var row in rows)
        {
            AppendRecord(csv, row);
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && _formulaStarts.Contains(text[0]))
        {
            text = "'" + text;
        }

        return text.IndexOfAny(_needsQuotes) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    public static string Join(IEnumerable<string> values) => string.Join("; ", values);

    public static string JsonCell<T>(T value) => JsonSerializer.Serialize(value, ConditionalResponses.Json);

    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void AppendRecord(StringBuilder csv, IEnumerable<string?> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }
}
