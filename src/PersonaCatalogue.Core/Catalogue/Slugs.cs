using System.Text.RegularExpressions;

namespace PersonaCatalogue.Core.Catalogue;

public static partial class Slugs
{
    /// <summary>The page under /personas/ where people tell us who is missing: no persona may take its slug.</summary>
    public const string MissingPersonaPage = "suggest";

    /// <summary>Slugs of pages under /personas/ that a persona page would clash with.</summary>
    public static readonly IReadOnlySet<string> ReservedPersonaSlugs = new HashSet<string>(StringComparer.Ordinal) { MissingPersonaPage };

    public static bool IsValid(string value) => SlugPattern().IsMatch(value);

    /// <summary>
    /// A valid slug made from a name, to start from: ASCII letters and digits in lower case, anything else between
    /// them one hyphen, at most 60 characters so the address stays readable; "tool" when nothing is left.
    /// </summary>
    public static string FromName(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        slug = slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
        return slug.Length == 0 ? "tool" : slug;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
