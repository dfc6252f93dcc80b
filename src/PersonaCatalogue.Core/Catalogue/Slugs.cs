using System.Text.RegularExpressions;

namespace PersonaCatalogue.Core.Catalogue;

public static partial class Slugs
{
    /// <summary>The page under /personas/ where people tell us who is missing: no persona may take its slug.</summary>
    public const string MissingPersonaPage = "suggest";

    /// <summary>Slugs of pages under /personas/ that a persona page would clash with.</summary>
    public static readonly IReadOnlySet<string> ReservedPersonaSlugs = new HashSet<string>(StringComparer.Ordinal) { MissingPersonaPage };

    public static bool IsValid(string value) => SlugPattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
