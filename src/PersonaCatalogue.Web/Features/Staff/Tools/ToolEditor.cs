using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Tools;

namespace PersonaCatalogue.Web.Features.Staff.Tools;

/// <summary>
/// Writes a completed tool form to a tool: shared by approving a suggestion (a new tool) and editing one.
/// The form's skills and personas replace the tool's links.
/// </summary>
public class ToolEditor(CatalogueDbContext db)
{
    /// <summary>A validator for <paramref name="form"/>; whether its slug is taken is one indexed lookup, not a list of every slug.</summary>
    public async Task<ToolFormValidator> ValidatorAsync(Vocabulary options, ToolForm form, int? editingToolId, CancellationToken cancellationToken)
    {
        var slugTaken = form.Slug is not null
            && await db.Tools.AnyAsync(t => t.Slug == form.Slug && t.Id != editingToolId, cancellationToken);
        return new ToolFormValidator(
            options.Personas.Select(p => p.Value).ToHashSet(),
            options.Areas.SelectMany(a => a.Skills).Select(s => s.Value).ToHashSet(),
            slug => slugTaken && slug == form.Slug);
    }

    public async Task ApplyAsync(Tool tool, ToolForm form, CancellationToken cancellationToken)
    {
        tool.Name = form.Name!;
        tool.Slug = form.Slug!;
        tool.Url = form.Url!;
        tool.NormalisedUrl = UrlNormaliser.Normalise(form.Url!);
        tool.Summary = form.Summary!;
        tool.Description = form.Description!;
        tool.Kind = ToolTerms.KindFromSlug(form.Kind)!.Value;
        tool.Cost = ToolTerms.CostFromSlug(form.Cost)!.Value;
        tool.IsOpen = ToolForm.IsOpenFrom(form.Open);
        tool.Publisher = form.Publisher ?? "";

        var skills = await db.Skills.Where(s => form.Skills.Contains(s.Slug)).ToListAsync(cancellationToken);
        tool.Skills.RemoveAll(ts => !skills.Any(s => s.Id == ts.SkillId));
        foreach (var skill in skills.Where(s => !tool.Skills.Any(ts => ts.SkillId == s.Id)))
        {
            tool.Skills.Add(new ToolSkill { Skill = skill });
        }

        var personas = await db.Personas.Where(p => form.Personas.Contains(p.Slug)).ToListAsync(cancellationToken);
        tool.Personas.RemoveAll(pt => !personas.Any(p => p.Id == pt.PersonaId));
        foreach (var persona in personas)
        {
            var link = tool.Personas.FirstOrDefault(pt => pt.PersonaId == persona.Id);
            if (link is null)
            {
                link = new PersonaTool { Persona = persona };
                tool.Personas.Add(link);
            }

            link.Why = form.PersonaWhy.GetValueOrDefault(persona.Slug) ?? "";
        }
    }

    /// <summary>The changed values of a tool, for the audit log: { field: [before, after] }.</summary>
    public Dictionary<string, object?[]> Changes(Tool tool)
    {
        db.ChangeTracker.DetectChanges();
        return db.Entry(tool).Properties
            .Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
            .ToDictionary(p => p.Metadata.Name, p => new[] { p.OriginalValue, p.CurrentValue });
    }
}
