using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Catalogue;

/// <summary>One term of the catalogue's vocabulary: its slug (the value in URLs and forms) and its label.</summary>
public record VocabularyTerm(string Value, string Label);

/// <summary>A skill area of the framework with its skills, in the framework's order.</summary>
public record VocabularyArea(string Value, string Label, List<VocabularyTerm> Skills);

/// <summary>The words the catalogue describes tools with: its personas, the framework's areas and skills, kinds and costs.</summary>
public record Vocabulary(List<VocabularyTerm> Personas, List<VocabularyArea> Areas, List<VocabularyTerm> Kinds, List<VocabularyTerm> Costs)
{
    public static async Task<Vocabulary> LoadAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var personas = await db.Personas.AsNoTracking()
            .OrderBy(p => p.Order)
            .Select(p => new VocabularyTerm(p.Slug, p.Name + ", " + p.Role))
            .ToListAsync(cancellationToken);
        var skills = await db.Skills.AsNoTracking()
            .OrderBy(s => s.Area.Order).ThenBy(s => s.Order)
            .Select(s => new { AreaSlug = s.Area.Slug, AreaName = s.Area.Name, s.Slug, s.Name })
            .ToListAsync(cancellationToken);
        var areas = skills
            .GroupBy(s => (s.AreaSlug, s.AreaName))
            .Select(g => new VocabularyArea(g.Key.AreaSlug, g.Key.AreaName, g.Select(s => new VocabularyTerm(s.Slug, s.Name)).ToList()))
            .ToList();

        return new Vocabulary(
            personas,
            areas,
            ToolTerms.Kinds.Select(k => new VocabularyTerm(k.Slug, k.Label)).ToList(),
            ToolTerms.Costs.Select(c => new VocabularyTerm(c.Slug, c.Label)).ToList());
    }
}

/// <summary>
/// The vocabulary kept in memory: every uncached tools list, API call and form needs it, and only an import changes it.
/// </summary>
public sealed class CatalogueVocabulary : CachedUntilImport<Vocabulary>
{
    protected override Task<Vocabulary> LoadAsync(CatalogueDbContext db, CancellationToken cancellationToken) =>
        Vocabulary.LoadAsync(db, cancellationToken);
}
