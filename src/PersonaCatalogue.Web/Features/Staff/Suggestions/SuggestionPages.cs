using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Features.Staff.Tools;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.Suggestions;

public record QueueRow(ToolSuggestion Suggestion, List<DuplicateFlag> Flags);

public record SuggestionQueue(Paged<QueueRow> Rows, string Status, DateTime Now)
{
    public int AgeInDays(ToolSuggestion s) => (int)(Now - s.CreatedAt).TotalDays;
}

public record ReviewPage(ToolSuggestion Suggestion, List<DuplicateFlag> Flags, List<string> PersonaNames, List<string> SkillNames, DecisionForm Form)
{
    /// <summary>
    /// The review page showing <paramref name="form"/>, which is given the page's concurrency token and, when the
    /// suggestion looks like a tool already in the catalogue, that tool as the duplicate; null for an unknown id.
    /// </summary>
    public static async Task<ReviewPage?> LoadAsync(CatalogueDbContext db, DuplicateFinder duplicates, int id, DecisionForm form, CancellationToken cancellationToken)
    {
        var suggestion = await db.ToolSuggestions.AsNoTracking().Include(s => s.Tool).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null)
        {
            return null;
        }

        var flags = (await duplicates.FindAsync([suggestion], cancellationToken))[suggestion.Id];
        var personas = await db.Personas.AsNoTracking().Where(p => suggestion.PersonaSlugs.Contains(p.Slug)).Select(p => p.Name + ", " + p.Role).ToListAsync(cancellationToken);
        var skills = await db.Skills.AsNoTracking().Where(s => suggestion.SkillSlugs.Contains(s.Slug)).Select(s => s.Name).ToListAsync(cancellationToken);
        form.ToolSlug ??= flags.FirstOrDefault(f => f.ToolSlug is not null)?.ToolSlug;
        if (form.Version == Guid.Empty)
        {
            form.Version = suggestion.Version;
        }

        return new ReviewPage(suggestion, flags, personas, skills, form);
    }
}

public record ApprovePage(ToolSuggestion Suggestion, Guid Version, ToolFormPage Form);

public static class SuggestionStatusTag
{
    public static TagModel For(SuggestionStatus status) => status switch
    {
        SuggestionStatus.Submitted => new("Waiting for review", "blue"),
        SuggestionStatus.Approved => new("Published", "green"),
        SuggestionStatus.Rejected => new("Rejected", "red"),
        _ => new("Duplicate", "grey"),
    };
}
