namespace PersonaCatalogue.Core.Import;

/// <summary>Splits a Markdown file into its YAML front matter (between two <c>---</c> lines) and its body.</summary>
public static class FrontMatter
{
    public static (YamlFields Front, string Body) Split(string text, string file)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new SeedDataException(file, 1, "(front matter)", "the file must start with a line '---' opening the YAML front matter");
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            throw new SeedDataException(file, lines.Length, "(front matter)", "the front matter has no closing '---' line");
        }

        var yaml = string.Join('\n', lines[1..end]);
        var body = string.Join('\n', lines[(end + 1)..]).Trim();
        return (YamlFields.Parse(yaml, file, lineOffset: 1), body);
    }
}
