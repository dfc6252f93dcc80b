using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Catalogue;

/// <summary>How many published tools the catalogue has in all, per skill and per persona (one left out has none).</summary>
public sealed record ToolCounts(int Published, IReadOnlyDictionary<int, int> PerSkill, IReadOnlyDictionary<int, int> PerPersona)
{
    public int ForSkill(int skillId) => PerSkill.GetValueOrDefault(skillId);

    public int ForPersona(int personaId) => PerPersona.GetValueOrDefault(personaId);
}

/// <summary>
/// The published tool counts the home page, the skills framework, the persona and skill pages and the unfiltered tools
/// list show, counted once and kept in memory until the tools change (<see cref="CachedUntilToolsChange{T}"/>): at
/// 100,000 tools counting them took longer than the rest of those pages (the framework's grouped counts 40 ms and more,
/// the published tools 6 ms), on every uncached request.
/// </summary>
public sealed class CatalogueToolCounts : CachedUntilToolsChange<ToolCounts>
{
    protected override async Task<ToolCounts> LoadAsync(CatalogueDbContext db, CancellationToken cancellationToken) =>
        new(
            await db.Tools.CountAsync(t => t.Status == ToolStatus.Published, cancellationToken),
            await PublishedToolCounts.PerSkillAsync(db, cancellationToken),
            await PublishedToolCounts.PerPersonaAsync(db, cancellationToken));
}
