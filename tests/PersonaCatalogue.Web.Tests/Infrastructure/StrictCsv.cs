using CsvHelper;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>CsvHelper set to read RFC 4180 strictly: commas only, and malformed quoting or uneven rows throw instead of being repaired.</summary>
public static class StrictCsv
{
    public static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        DetectSeparatorHint = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        SkipEmptyLines = false,
    };

    public static (string[] Headers, List<string[]> Rows) Read(string text)
    {
        using var csv = CsvReader.FromText(text, Options);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        }

        return (csv.Headers.ToArray(), rows);
    }
}
