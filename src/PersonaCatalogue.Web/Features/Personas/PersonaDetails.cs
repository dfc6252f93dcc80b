using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;

namespace PersonaCatalogue.Web.Features.Personas;

/// <summary>
/// Every persona's own part of its page (its text, skills and iterations), kept in memory: only an import changes a
/// persona. Three of the page's eight queries, each parsed by SQLite anew on every uncached request (at 100,000 tools
/// the page's own reads, not its tools, were most of its time). The tools and the feedback are read per request.
/// </summary>
public sealed class PersonaDetails : CachedUntilImport<IReadOnlyDictionary<string, PersonaDetail>>
{
    protected override async Task<IReadOnlyDictionary<string, PersonaDetail>> LoadAsync(CatalogueDbContext db, CancellationToken cancellationToken) =>
        await db.Personas.AsNoTracking()
            .Select(p => new PersonaDetail(
                p.Id, p.Slug, p.Name, p.Role, p.Summary, p.Description, p.Goals, p.NeedsToKnow, p.Frustrations,
                p.Iteration, p.LastReviewedOn,
                p.Skills
                    .OrderBy(s => s.Skill.Area.Order).ThenBy(s => s.Skill.Order)
                    .Select(s => new PersonaSkillRow(s.Skill.Area.Name, s.Skill.Area.Slug, s.Skill.Slug, s.Skill.Name, s.Level.Name, s.Level.Order, s.Why))
                    .ToList(),
                p.Iterations
                    .OrderByDescending(i => i.Number)
                    .Select(i => new PersonaIterationRow(i.Number, i.PublishedOn, i.ChangeNotes))
                    .ToList()))
            .AsSplitQuery()
            .ToDictionaryAsync(p => p.Slug, StringComparer.Ordinal, cancellationToken);
}
