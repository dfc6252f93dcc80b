using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Catalogue;

/// <summary>
/// How many published tools each skill has, for the skills framework page, in two grouped queries that stay cheap at
/// any size. Counting each skill's published tools by looking every link's tool up to check its status read 250,000
/// tools at 100,000 generated tools (about 400 ms in SQLite); instead every link is counted from the index on
/// <c>ToolSkills.SkillId</c> alone (about 9 ms there), and the links of tools that are not published, which are few,
/// are counted from those tools and taken off.
/// </summary>
public static class SkillToolCounts
{
    /// <summary>Published tools per skill id; a skill with none is left out.</summary>
    public static async Task<Dictionary<int, int>> PublishedAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        var counts = await db.ToolSkills
            .GroupBy(ts => ts.SkillId)
            .Select(g => new SkillCount(g.Key, g.Count()))
            .ToDictionaryAsync(c => c.SkillId, c => c.Count, cancellationToken);
        foreach (var unpublished in await UnpublishedAsync(db, cancellationToken))
        {
            counts[unpublished.SkillId] -= unpublished.Count;
        }

        return counts.Where(c => c.Value > 0).ToDictionary();
    }

    /// <summary>
    /// Links of tools that are not published, per skill. SQLite is told to start from those tools (CROSS JOIN keeps the
    /// order written, and the status is compared as ranges either side of Published so the status index serves it): its
    /// statistics say nearly every tool is published, so left to itself it walked every link to find the few.
    /// </summary>
    private static Task<List<SkillCount>> UnpublishedAsync(CatalogueDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            return db.ToolSkills
                .Where(ts => ts.Tool.Status != ToolStatus.Published)
                .GroupBy(ts => ts.SkillId)
                .Select(g => new SkillCount(g.Key, g.Count()))
                .ToListAsync(cancellationToken);
        }

        return db.Database.SqlQuery<SkillCount>($"""
            SELECT ts.SkillId, count(*) AS Count
            FROM Tools AS t CROSS JOIN ToolSkills AS ts ON ts.ToolId = t.Id
            WHERE t.Status < 'Published' OR t.Status > 'Published'
            GROUP BY ts.SkillId
            """).ToListAsync(cancellationToken);
    }

    private sealed record SkillCount(int SkillId, int Count);
}
