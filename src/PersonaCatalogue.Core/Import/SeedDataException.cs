namespace PersonaCatalogue.Core.Import;

/// <summary>A seed file that cannot be imported, with the file, line and field to fix.</summary>
public class SeedDataException(string file, int line, string field, string problem)
    : Exception($"{file}, line {line}, field '{field}': {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
