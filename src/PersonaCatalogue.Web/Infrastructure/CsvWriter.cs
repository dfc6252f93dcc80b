namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// Writes CSV as RFC 4180 describes it (comma separated, CR LF between rows, a cell quoted when it holds a comma, a
/// quote or a line break, quotes inside doubled), made safe to open in a spreadsheet: a cell starting with = + - @,
/// a tab or a line break gets a leading single quote, so a spreadsheet shows it as text instead of running it as a
/// formula (CSV injection). Reading the file back therefore gives such cells with the quote in front.
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    public const string RowSeparator = "\r\n";

    private static readonly char[] _needsQuotes = [',', '"', '\r', '\n'];

    public Task WriteRowAsync(IEnumerable<string?> cells, CancellationToken cancellationToken = default) =>
        writer.WriteAsync((string.Join(',', cells.Select(Cell)) + RowSeparator).AsMemory(), cancellationToken);

    /// <summary>One cell as it appears in the file.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (StartsLikeAFormula(value))
        {
            value = "'" + value;
        }

        return value.IndexOfAny(_needsQuotes) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>The characters with which Excel, LibreOffice and Google Sheets start a formula or a command.</summary>
    public static bool StartsLikeAFormula(string value) => value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';
}
