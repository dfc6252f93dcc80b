using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Import;

/// <summary>
/// Reads a <c>seed-data/</c> folder: <c>framework.yaml</c>, <c>personas/*.md</c> and <c>tools/*.md</c>.
/// Everything is checked before anything is written, so a bad file never leaves a half import.
/// </summary>
public static class SeedReader
{
    public const string FrameworkFile = "framework.yaml";

    public static SeedCatalogue Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Seed data folder not found: {Path.GetFullPath(folder)}");
        }

        var frameworkPath = Path.Combine(folder, FrameworkFile);
        if (!File.Exists(frameworkPath))
        {
            throw new SeedDataException(FrameworkFile, 1, "(file)", "the framework file is missing");
        }

        var (levels, areas) = ReadFramework(File.ReadAllText(frameworkPath), FrameworkFile);
        var skillSlugs = areas.SelectMany(a => a.Skills).Select(s => s.Slug).ToHashSet();
        var levelSlugs = levels.Select(l => l.Slug).ToHashSet();

        var personas = MarkdownFiles(folder, "personas")
            .Select(f => ReadPersona(f.Text, f.Name, skillSlugs, levelSlugs))
            .ToList();
        RefuseDuplicateSlugs(personas.Select(p => (p.Slug, $"personas/{p.Slug}.md")));
        var personaSlugs = personas.Select(p => p.Slug).ToHashSet();

        var tools = MarkdownFiles(folder, "tools")
            .Select(f => ReadTool(f.Text, f.Name, skillSlugs, personaSlugs, levelSlugs))
            .ToList();
        RefuseDuplicateSlugs(tools.Select(t => (t.Slug, $"tools/{t.Slug}.md")));

        return new SeedCatalogue(levels, areas, personas, tools);
    }

    public static (List<SeedLevel> Levels, List<SeedArea> Areas) ReadFramework(string yaml, string file)
    {
        var root = YamlFields.Parse(yaml, file, lineOffset: 0);
        var levels = root.MappingList("levels", required: true)
            .Select(l => new SeedLevel(l.RequiredSlug("slug"), l.Required("name", FieldLengths.Name), l.Optional("description", FieldLengths.Markdown) ?? ""))
            .ToList();

        var seenSkills = new HashSet<string>();
        var areas = new List<SeedArea>();
        foreach (var area in root.MappingList("areas", required: true))
        {
            var skills = new List<SeedSkill>();
            foreach (var skill in area.MappingList("skills", required: true))
            {
                var slug = skill.RequiredSlug("slug");
                if (!seenSkills.Add(slug))
                {
                    throw skill.Problem("slug", $"'{slug}' is used by more than one skill");
                }

                skills.Add(new SeedSkill(slug, skill.Required("name", FieldLengths.Name), skill.Optional("description", FieldLengths.Markdown) ?? ""));
            }

            areas.Add(new SeedArea(area.RequiredSlug("slug"), area.Required("name", FieldLengths.Name), area.Optional("description", FieldLengths.Markdown) ?? "", skills));
        }

        return (levels, areas);
    }

    public static SeedPersona ReadPersona(string text, string file, ISet<string> skillSlugs, ISet<string> levelSlugs)
    {
        var (front, body) = FrontMatter.Split(text, file);
        var skills = front.MappingList("skills", required: true).Select(s =>
        {
            var skill = s.RequiredSlug("skill");
            if (!skillSlugs.Contains(skill))
            {
                throw s.Problem("skill", $"'{skill}' is not a skill in {FrameworkFile}");
            }

            var level = s.RequiredSlug("level");
            if (!levelSlugs.Contains(level))
            {
                throw s.Problem("level", $"'{level}' is not a level in {FrameworkFile} ({string.Join(", ", levelSlugs)})");
            }

            return new SeedPersonaSkill(skill, level, s.Required("why", FieldLengths.Why));
        }).ToList();

        var changes = front.MappingList("changes", required: true)
            .Select(c => new SeedIteration(c.RequiredInt("iteration", 1), c.OptionalDate("date"), c.Required("notes", FieldLengths.Markdown)))
            .ToList();
        var iteration = front.RequiredInt("iteration", 1);
        if (!changes.Any(c => c.Number == iteration))
        {
            throw front.Problem("iteration", $"iteration {iteration} needs an entry under 'changes' saying what changed and why");
        }

        if (changes.GroupBy(c => c.Number).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw front.Problem("changes", $"iteration {repeated.Key} is listed more than once");
        }

        var slug = ExpectSlugMatchesFile(front, file);
        if (Slugs.ReservedPersonaSlugs.Contains(slug))
        {
            throw front.Problem("slug", $"'{slug}' is taken by the page /personas/{slug}, so a persona cannot use it");
        }

        return new SeedPersona(
            slug,
            front.Required("name", FieldLengths.Name),
            front.Required("role", FieldLengths.PersonaRole),
            front.Required("summary", FieldLengths.Summary),
            body,
            front.StringList("goals", FieldLengths.Why, required: true),
            front.StringList("needs_to_know", FieldLengths.Why, required: true),
            front.StringList("frustrations", FieldLengths.Why),
            iteration,
            front.OptionalDate("last_reviewed"),
            RefuseRepeats(front, "skills", skills, s => s.Skill),
            changes);
    }

    public static SeedTool ReadTool(string text, string file, ISet<string> skillSlugs, ISet<string> personaSlugs, ISet<string>? levelSlugs = null)
    {
        var (front, body) = FrontMatter.Split(text, file);

        // The catalogue records when a tool entered it; a typed date would be a claim nobody checked (seed-data/README.md).
        front.Refuse("added", "is recorded by the catalogue when the tool first enters it, so a seed file must not give it: remove this line");
        var kindText = front.Required("kind", 32);
        var kind = ToolTerms.KindFromSlug(kindText)
            ?? throw front.Problem("kind", $"'{kindText}' is not a kind ({string.Join(", ", ToolTerms.Kinds.Select(k => k.Slug))})");
        var costText = front.Required("cost", 16);
        var cost = ToolTerms.CostFromSlug(costText)
            ?? throw front.Problem("cost", $"'{costText}' is not a cost ({string.Join(", ", ToolTerms.Costs.Select(c => c.Slug))})");

        var skills = front.StringList("skills", FieldLengths.Slug);
        foreach (var skill in skills.Where(s => !skillSlugs.Contains(s)))
        {
            throw front.Problem("skills", $"'{skill}' is not a skill in {FrameworkFile}");
        }

        var personas = front.MappingList("personas", required: true).Select(p =>
        {
            var persona = p.RequiredSlug("persona");
            if (!personaSlugs.Contains(persona))
            {
                throw p.Problem("persona", $"'{persona}' is not a persona in personas/");
            }

            return new SeedToolPersona(persona, p.Required("why", FieldLengths.Why));
        }).ToList();

        var skillLevels = front.MappingList("skill_levels").Select(l =>
        {
            var skill = l.RequiredSlug("skill");
            if (!skills.Contains(skill))
            {
                throw l.Problem("skill", $"'{skill}' is not one of this tool's skills");
            }

            var level = l.RequiredSlug("level");
            if (levelSlugs is not null && !levelSlugs.Contains(level))
            {
                throw l.Problem("level", $"'{level}' is not a level in {FrameworkFile}");
            }

            return new SeedToolSkillLevel(skill, level);
        }).ToList();

        return new SeedTool(
            ExpectSlugMatchesFile(front, file),
            front.Required("name", FieldLengths.Name),
            front.RequiredUrl("url"),
            front.Required("summary", FieldLengths.Summary),
            body,
            kind,
            cost,
            front.OptionalBoolOrUnknown("open"),
            front.Optional("publisher", FieldLengths.Publisher) ?? "",
            front.OptionalDate("last_reviewed"),
            skills.Distinct().ToList(),
            RefuseRepeats(front, "personas", personas, p => p.Persona),
            RefuseRepeats(front, "skill_levels", skillLevels, l => l.Skill));
    }

    private static string ExpectSlugMatchesFile(YamlFields front, string file)
    {
        var slug = front.RequiredSlug("slug");
        if (Path.GetFileNameWithoutExtension(file) != slug)
        {
            throw front.Problem("slug", $"'{slug}' must match the file name ({Path.GetFileName(file)})");
        }

        return slug;
    }

    private static List<T> RefuseRepeats<T>(YamlFields front, string key, List<T> items, Func<T, string> slug)
    {
        if (items.GroupBy(slug).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw front.Problem(key, $"'{repeated.Key}' is listed more than once");
        }

        return items;
    }

    private static void RefuseDuplicateSlugs(IEnumerable<(string Slug, string File)> items)
    {
        if (items.GroupBy(i => i.Slug).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new SeedDataException(repeated.First().File, 1, "slug", $"'{repeated.Key}' is used by more than one file");
        }
    }

    private static IEnumerable<(string Name, string Text)> MarkdownFiles(string folder, string subfolder)
    {
        var path = Path.Combine(folder, subfolder);
        if (!Directory.Exists(path))
        {
            return [];
        }

        return Directory.GetFiles(path, "*.md")
            .Order(StringComparer.Ordinal)
            .Select(f => ($"{subfolder}/{Path.GetFileName(f)}", File.ReadAllText(f)));
    }
}
