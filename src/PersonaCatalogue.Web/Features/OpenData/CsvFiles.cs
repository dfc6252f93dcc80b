using System.Globalization;
using System.Text;
using System.Text.Json;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.OpenData;

/// <summary>
/// The open-data CSV files: UTF-8, a header row, then one row per entity, each cell written by the shared
/// <see cref="CsvWriter"/> (RFC 4180 quoting, formula-leading cells defused).
/// Lists of slugs are joined with "; "; lists with more detail are a JSON array in the cell.
/// </summary>
public static class CsvFiles
{
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

    public static string Join(IEnumerable<string> values) => string.Join("; ", values);

    public static string JsonCell<T>(T value) => JsonSerializer.Serialize(value, ConditionalResponses.Json);

    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void AppendRecord(StringBuilder csv, IEnumerable<string?> fields)
    {
        csv.AppendJoin(',', fields.Select(CsvWriter.Cell));
        csv.Append(CsvWriter.RowSeparator);
    }
}
