using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Web.Features.Staff.Suggestions;

/// <summary>
/// Flags suggestions that may already be in the catalogue: the same normalised web address as a tool or another
/// suggestion, or a near-identical name (the same letters and digits, or at most two edits apart).
/// </summary>
public class DuplicateFinder(CatalogueDbContext db)
{
    public async Task<Dictionary<int, List<DuplicateFlag>>> FindAsync(IReadOnlyCollection<ToolSuggestion> suggestions, CancellationToken cancellationToken)
    {
        var urls = suggestions.Select(s => s.NormalisedUrl).Distinct().ToList();
        var toolsByUrl = await db.Tools.AsNoTracking()
            .Where(t => urls.Contains(t.NormalisedUrl))
            .Select(t => new { t.NormalisedUrl, t.Slug, t.Name })
            .ToListAsync(cancellationToken);
        var suggestionsByUrl = await db.ToolSuggestions.AsNoTracking()
            .Where(s => urls.Contains(s.NormalisedUrl))
            .Select(s => new { s.Id, s.NormalisedUrl, s.Reference })
            .ToListAsync(cancellationToken);
        // Names are short, so comparing against every tool name is cheap even for a large catalogue.
        var toolNames = await db.Tools.AsNoTracking().Select(t => new { t.Slug, t.Name }).ToListAsync(cancellationToken);

        return suggestions.ToDictionary(s => s.Id, s =>
        {
            var flags = new List<DuplicateFlag>();
            flags.AddRange(toolsByUrl.Where(t => t.NormalisedUrl == s.NormalisedUrl)
                .Select(t => new DuplicateFlag($"Same web address as the tool {t.Name}", $"/tools/{t.Slug}", t.Slug)));
            flags.AddRange(suggestionsByUrl.Where(o => o.NormalisedUrl == s.NormalisedUrl && o.Id != s.Id)
                .Select(o => new DuplicateFlag($"Same web address as suggestion {o.Reference}", $"/staff/suggestions/{o.Id}", null)));
            var name = Simplify(s.ToolName);
            flags.AddRange(toolNames
                .Where(t => flags.All(f => f.ToolSlug != t.Slug) && IsNearlyIdentical(name, Simplify(t.Name)))
                .Select(t => new DuplicateFlag($"Name like the tool {t.Name}", $"/tools/{t.Slug}", t.Slug)));
            return flags;
        });
    }

    public static string Simplify(string name) => new(name.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    public static bool IsNearlyIdentical(string a, string b)
    {
        if (a == b)
        {
            return a.Length > 0;
        }

        // Short names differ meaningfully by one letter ("QGIS" and "PGIS"), so only longer names allow edits.
        return Math.Min(a.Length, b.Length) >= 6 && Math.Abs(a.Length - b.Length) <= 2 && EditDistance(a, b) <= 2;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}

/// <summary>One reason a suggestion may be a duplicate, with a link to what it may duplicate.</summary>
public record DuplicateFlag(string Text, string Href, string? ToolSlug);
