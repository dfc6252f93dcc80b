using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Catalogue;

/// <summary>
/// How many published tools each skill and persona has, in queries that stay cheap at any size (and are kept in memory
/// by <see cref="CatalogueToolCounts"/>). Checking each linked tool's status read every linked tool: 250,000 at 100,000
/// generated tools for the skills framework (about 400 ms in SQLite), 30,000 for one persona (about 55 ms). Instead the links are counted from the index on the skill or persona
/// alone, and the links of tools that are not published, which are few, are counted from those tools and taken off.
/// On SQLite that count starts from those tools (CROSS JOIN keeps the order written; its statistics say nearly every
/// tool is published, so left to itself it walked every link to find the few), with the status compared as two ranges
/// either side of Published, which the index on status and name serves where "not equal" would not.
/// </summary>
public static class PublishedToolCounts
{
    /// <summary>Published tools per skill id; a skill with none is left out.</summary>
    public static async Task<Dictionary<int, int>> PerSkillAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var counts = await db.ToolSkills
            .GroupBy(ts => ts.SkillId)
            .Select(g => new SkillCount(g.Key, g.Count()))
            .ToDictionaryAsync(c => c.SkillId, c => c.Count, cancellationToken);
        var unpublished = db.Database.IsNpgsql()
            ? await db.ToolSkills
                .Where(ts => ts.Tool.Status != ToolStatus.Published)
                .GroupBy(ts => ts.SkillId)
                .Select(g => new SkillCount(g.Key, g.Count()))
                .ToListAsync(cancellationToken)
            : await db.Database.SqlQuery<SkillCount>($"""
                SELECT ts.SkillId, count(*) AS Count
                FROM Tools AS t CROSS JOIN ToolSkills AS ts ON ts.ToolId = t.Id
                WHERE t.Status < 'Published' OR t.Status > 'Published'
                GROUP BY ts.SkillId
                """).ToListAsync(cancellationToken);
        foreach (var count in unpublished)
        {
            counts[count.SkillId] -= count.Count;
        }

        return counts.Where(c => c.Value > 0).ToDictionary();
    }

    /// <summary>Published tools per persona id; a persona with none is left out.</summary>
    public static async Task<Dictionary<int, int>> PerPersonaAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var counts = await db.PersonaTools
            .GroupBy(pt => pt.PersonaId)
            .Select(g => new PersonaCount(g.Key, g.Count()))
            .ToDictionaryAsync(c => c.PersonaId, c => c.Count, cancellationToken);
        var unpublished = db.Database.IsNpgsql()
            ? await db.PersonaTools
                .Where(pt => pt.Tool.Status != ToolStatus.Published)
                .GroupBy(pt => pt.PersonaId)
                .Select(g => new PersonaCount(g.Key, g.Count()))
                .ToListAsync(cancellationToken)
            : await db.Database.SqlQuery<PersonaCount>($"""
                SELECT pt.PersonaId, count(*) AS Count
                FROM Tools AS t CROSS JOIN PersonaTools AS pt ON pt.ToolId = t.Id
                WHERE t.Status < 'Published' OR t.Status > 'Published'
                GROUP BY pt.PersonaId
                """).ToListAsync(cancellationToken);
        foreach (var count in unpublished)
        {
            counts[count.PersonaId] -= count.Count;
        }

        return counts.Where(c => c.Value > 0).ToDictionary();
    }

    private sealed record SkillCount(int SkillId, int Count);

    private sealed record PersonaCount(int PersonaId, int Count);
}
