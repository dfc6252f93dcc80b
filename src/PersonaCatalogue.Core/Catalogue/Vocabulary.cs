using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Changes;
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
/// The vocabulary kept in memory: every uncached tools list, API call and form needs it, and only an import changes
/// it, which this hears about as a change to <see cref="CatalogueChange.Everything"/> (from this process's saves, or
/// from <see cref="ImportWatcher"/> for an import run by the command line).
/// </summary>
public sealed class CatalogueVocabulary : ICatalogueChangeListener
{
    private Vocabulary? _loaded;
    private int _generation;

    public async Task<Vocabulary> GetAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _loaded) is { } loaded)
        {
            return loaded;
        }

        // Taken before reading, so an import committed while this request reads does not leave what it read behind.
        var generation = Volatile.Read(ref _generation);
        var vocabulary = await Vocabulary.LoadAsync(db, cancellationToken);
        if (generation == Volatile.Read(ref _generation))
        {
            Interlocked.CompareExchange(ref _loaded, vocabulary, null);
        }

        return vocabulary;
    }

    public Task CatalogueChangedAsync(CatalogueChange change, CancellationToken cancellationToken)
    {
        if (change.Everything)
        {
            Interlocked.Increment(ref _generation);
            Volatile.Write(ref _loaded, null);
        }

        return Task.CompletedTask;
    }
}
