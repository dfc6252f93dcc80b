using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Audit;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Import;

/// <summary>
/// Upserts a seed catalogue by slug. It never deletes: suggestions, feedback and tools that moderators
/// published survive a re-import, a retired tool stays retired, and links staff added to a seed tool stay.
/// A persona's skill links are the one set the seed files own outright, because only seed files edit them.
/// </summary>
public class SeedImporter(CatalogueDbContext db, TimeProvider clock)
{
    /// <param name="progress">Told each step as it starts.</param>
    public async Task<ImportReport> ImportAsync(string folder, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var seed = SeedReader.Read(folder);
        progress?.Report($"Checked {seed.Personas.Count} personas and {seed.Tools.Count} tools: no problems");
        var report = new ImportReport();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        progress?.Report("Importing the framework");
        var levels = await UpsertLevelsAsync(seed, report, cancellationToken);
        var skills = await UpsertFrameworkAsync(seed, report, cancellationToken);
        progress?.Report("Importing the personas");
        var personas = await UpsertPersonasAsync(seed, skills, levels, report, cancellationToken);
        progress?.Report("Importing the tools");
        await UpsertToolsAsync(seed, skills, levels, personas, report, cancellationToken);
        if (!report.NothingChanged)
        {
            // Also how a running site learns that the command line changed its catalogue (Changes/ImportWatcher).
            db.AuditSystem(clock.GetUtcNow().UtcDateTime, AuditActions.SeedDataImported, "seed-data", Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)),
                new { added = report.Added.Count, changed = report.Changed.Count });
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    private async Task<Dictionary<string, SkillLevel>> UpsertLevelsAsync(SeedCatalogue seed, ImportReport report, CancellationToken ct)
    {
        var existing = await db.SkillLevels.ToDictionaryAsync(l => l.Slug, ct);
        for (var i = 0; i < seed.Levels.Count; i++)
        {
            var s = seed.Levels[i];
            var level = Find(existing, s.Slug, () => new SkillLevel { Slug = s.Slug, Name = s.Name });
            level.Name = s.Name;
            level.Description = s.Description;
            level.Order = i + 1;
        }

        await SaveAndReportAsync(report, ct);
        return existing;
    }

    private async Task<Dictionary<string, Skill>> UpsertFrameworkAsync(SeedCatalogue seed, ImportReport report, CancellationToken ct)
    {
        var areas = await db.SkillAreas.ToDictionaryAsync(a => a.Slug, ct);
        var skills = await db.Skills.ToDictionaryAsync(s => s.Slug, ct);
        for (var i = 0; i < seed.Areas.Count; i++)
        {
            var s = seed.Areas[i];
            var area = Find(areas, s.Slug, () => new SkillArea { Slug = s.Slug, Name = s.Name });
            area.Name = s.Name;
            area.Description = s.Description;
            area.Order = i + 1;

            for (var j = 0; j < s.Skills.Count; j++)
            {
                var ss = s.Skills[j];
                var skill = Find(skills, ss.Slug, () => new Skill { Slug = ss.Slug, Name = ss.Name });
                skill.Name = ss.Name;
                skill.Description = ss.Description;
                skill.Order = j + 1;
                skill.Area = area;
            }
        }

        await SaveAndReportAsync(report, ct);
        return skills;
    }

    private async Task<Dictionary<string, Persona>> UpsertPersonasAsync(
        SeedCatalogue seed, Dictionary<string, Skill> skills, Dictionary<string, SkillLevel> levels, ImportReport report, CancellationToken ct)
    {
        var personas = await db.Personas
            .Include(p => p.Skills)
            .Include(p => p.Iterations)
            .AsSplitQuery()
            .ToDictionaryAsync(p => p.Slug, ct);

        for (var i = 0; i < seed.Personas.Count; i++)
        {
            var s = seed.Personas[i];
            var persona = Find(personas, s.Slug, () => new Persona { Slug = s.Slug, Name = s.Name, Role = s.Role });
            persona.Name = s.Name;
            persona.Role = s.Role;
            persona.Summary = s.Summary;
            persona.Description = s.Description;
            persona.Goals = s.Goals;
            persona.NeedsToKnow = s.NeedsToKnow;
            persona.Frustrations = s.Frustrations;
            persona.Iteration = s.Iteration;
            persona.LastReviewedOn = s.LastReviewedOn;
            persona.Order = i + 1;

            foreach (var change in s.Changes)
            {
                var iteration = persona.Iterations.FirstOrDefault(it => it.Number == change.Number);
                if (iteration is null)
                {
                    iteration = new PersonaIteration { Number = change.Number };
                    persona.Iterations.Add(iteration);
                }

                iteration.PublishedOn = change.Date;
                iteration.ChangeNotes = change.Notes;
            }

            var wanted = s.Skills.Select(x => skills[x.Skill].Id).ToHashSet();
            persona.Skills.RemoveAll(ps => !wanted.Contains(ps.SkillId));
            foreach (var link in s.Skills)
            {
                var skill = skills[link.Skill];
                var personaSkill = persona.Skills.FirstOrDefault(ps => ps.SkillId == skill.Id);
                if (personaSkill is null)
                {
                    personaSkill = new PersonaSkill { Skill = skill };
                    persona.Skills.Add(personaSkill);
                }

                personaSkill.Level = levels[link.Level];
                personaSkill.Why = link.Why;
            }
        }

        await SaveAndReportAsync(report, ct);
        return personas;
    }

    private async Task UpsertToolsAsync(
        SeedCatalogue seed, Dictionary<string, Skill> skills, Dictionary<string, SkillLevel> levels, Dictionary<string, Persona> personas,
        ImportReport report, CancellationToken ct)
    {
        var tools = await db.Tools
            .Include(t => t.Skills)
            .Include(t => t.Personas)
            .AsSplitQuery()
            .ToDictionaryAsync(t => t.Slug, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var s in seed.Tools)
        {
            if (tools.TryGetValue(s.Slug, out var existing) && existing.Source != ToolSources.SeedData)
            {
                report.Skipped.Add($"tool {s.Slug}: a moderator published a tool with this slug, so the seed file is not applied");
                continue;
            }

            // Added is when the tool first entered this catalogue: now, for a new one; a re-import leaves it alone.
            var tool = Find(tools, s.Slug, () => new Tool { Slug = s.Slug, Name = s.Name, Url = s.Url, AddedAt = now });
            tool.Name = s.Name;
            tool.Url = s.Url;
            tool.NormalisedUrl = UrlNormaliser.Normalise(s.Url);
            tool.Summary = s.Summary;
            tool.Description = s.Description;
            tool.Kind = s.Kind;
            tool.Cost = s.Cost;
            tool.IsOpen = s.IsOpen;
            tool.Publisher = s.Publisher;

            // Only a review date the file gives counts as a review; without one, a moderator's recorded review stays.
            if (s.LastReviewed is { } reviewed)
            {
                tool.LastReviewedAt = reviewed.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            }

            var levelOf = (s.SkillLevels ?? []).ToDictionary(l => l.Skill, l => levels[l.Level]);
            foreach (var skill in s.Skills.Select(slug => skills[slug]))
            {
                var link = tool.Skills.FirstOrDefault(ts => ts.SkillId == skill.Id);
                if (link is null)
                {
                    link = new ToolSkill { Skill = skill };
                    tool.Skills.Add(link);
                }

                // The seed file is the only place a level comes from, so it is set as the file says, or cleared.
                if (levelOf.TryGetValue(skill.Slug, out var level))
                {
                    link.Level = level;
                }
                else
                {
                    link.SkillLevelId = null;
                }
            }

            foreach (var link in s.Personas)
            {
                var persona = personas[link.Persona];
                var personaTool = tool.Personas.FirstOrDefault(pt => pt.PersonaId == persona.Id);
                if (personaTool is null)
                {
                    personaTool = new PersonaTool { Persona = persona };
                    tool.Personas.Add(personaTool);
                }

                personaTool.Why = link.Why;
            }
        }

        await SaveAndReportAsync(report, ct);
    }

    private T Find<T>(Dictionary<string, T> existing, string slug, Func<T> create)
        where T : class
    {
        if (!existing.TryGetValue(slug, out var entity))
        {
            entity = create();
            existing[slug] = entity;
            db.Add(entity);
        }

        return entity;
    }

    /// <summary>Records what the pending changes add and change, in words an editor understands, then saves them.</summary>
    private async Task SaveAndReportAsync(ImportReport report, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            var label = Describe(entry.Entity);
            if (entry.State == EntityState.Added && entry.Entity is SkillLevel or SkillArea or Skill or Persona or Tool)
            {
                report.Added.Add(label);
            }
            else if (entry.State == EntityState.Modified)
            {
                var fields = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name);
                report.Changed.Add($"{label} ({string.Join(", ", fields)})");
            }
            else if (entry.State is EntityState.Added or EntityState.Deleted && !BelongsToNewEntity(entry.Entity))
            {
                report.Changed.Add($"{label} ({(entry.State == EntityState.Added ? "added" : "removed")})");
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A link or iteration of a persona or tool added in this import is part of that addition, not a change.</summary>
    private bool BelongsToNewEntity(object entity) => entity switch
    {
        PersonaIteration i => db.Entry(i.Persona).State == EntityState.Added,
        PersonaSkill ps => db.Entry(ps.Persona).State == EntityState.Added,
        ToolSkill ts => db.Entry(ts.Tool).State == EntityState.Added,
        PersonaTool pt => db.Entry(pt.Tool).State == EntityState.Added,
        _ => false,
    };

    private static string Describe(object entity) => entity switch
    {
        SkillLevel l => $"level {l.Slug}",
        SkillArea a => $"skill area {a.Slug}",
        Skill s => $"skill {s.Slug}",
        Persona p => $"persona {p.Slug}",
        PersonaIteration i => $"persona {i.Persona.Slug} iteration {i.Number}",
        PersonaSkill ps => $"persona {ps.Persona.Slug} skill {ps.Skill.Slug}",
        Tool t => $"tool {t.Slug}",
        ToolSkill ts => $"tool {ts.Tool.Slug} skill {ts.Skill.Slug}",
        PersonaTool pt => $"tool {pt.Tool.Slug} persona {pt.Persona.Slug}",
        _ => entity.GetType().Name,
    };
}

public class ImportReport
{
    public List<string> Added { get; } = [];
    public List<string> Changed { get; } = [];
    public List<string> Skipped { get; } = [];

    public bool NothingChanged => Added.Count == 0 && Changed.Count == 0;

    public void WriteTo(TextWriter output)
    {
        foreach (var line in Added)
        {
            output.WriteLine($"  added    {line}");
        }

        foreach (var line in Changed)
        {
            output.WriteLine($"  changed  {line}");
        }

        foreach (var line in Skipped)
        {
            output.WriteLine($"  skipped  {line}");
        }

        output.WriteLine($"Import finished: {Added.Count} added, {Changed.Count} changed, {Skipped.Count} skipped.");
    }
}
