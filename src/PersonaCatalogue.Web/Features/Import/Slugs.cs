using System.Text.RegularExpressions;

namespace PersonaCatalogue.Web.Features.Import;

public static partial class Slugs
{
    public static bool IsValid(string value) => SlugPattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
