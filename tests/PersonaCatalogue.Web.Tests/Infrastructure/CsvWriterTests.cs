using CsvWriter = PersonaCatalogue.Web.Infrastructure.CsvWriter;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>Our CSV writer, read back by an independent reader (CsvHelper).</summary>
public class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("line\r\nbreak", "\"line\r\nbreak\"")]
    [InlineData("=SUM(A1:A2)", "'=SUM(A1:A2)")]
    [InlineData("+44 20", "'+44 20")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("\rCR", "\"'\rCR\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("'quoted'", "'quoted'")]
    public void Cell_QuotesAndDisarms(string? value, string expected) => Assert.Equal(expected, CsvWriter.Cell(value));

    [Fact]
    public async Task Rows_ReadBackWithARealCsvReader()
    {
        string?[][] rows =
        [
            ["id", "text", "other"],
            ["1", "Commas, \"quotes\"\nand lines", null],
            ["2", "=1+1", "ünïcødé ✓"],
        ];
        using var text = new StringWriter();
        var writer = new CsvWriter(text);
        foreach (var row in rows)
        {
            await writer.WriteRowAsync(row, TestContext.Current.CancellationToken);
        }

        Assert.EndsWith("\r\n", text.ToString());
        var (headers, read) = StrictCsv.Read(text.ToString());
        read.Insert(0, headers);
        Assert.Equal(3, read.Count);
        Assert.Equal(["id", "text", "other"], read[0]);
        Assert.Equal(["1", "Commas, \"quotes\"\nand lines", ""], read[1]);
        Assert.Equal(["2", "'=1+1", "ünïcødé ✓"], read[2]);
    }
}
