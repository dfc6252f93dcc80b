using FluentValidation;
using FluentValidation.Results;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Import;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.Tools;

/// <summary>The tool form moderators complete when approving a suggestion, and when editing a tool.</summary>
public class ToolForm
{
    public string? Name { get; set; }
    public string? Slug { get; set; }
    public string? Url { get; set; }
    public string? Summary { get; set; }

    /// <summary>Markdown.</summary>
    public string? Description { get; set; }

    /// <summary>A kind slug, such as "software".</summary>
    public string? Kind { get; set; }

    /// <summary>A cost slug: free, freemium or paid.</summary>
    public string? Cost { get; set; }

    /// <summary>"yes", "no" or "unknown": not known is an answer, so a moderator never has to guess.</summary>
    public string? Open { get; set; }
    public string? Publisher { get; set; }
    public List<string> Skills { get; set; } = [];
    public List<string> Personas { get; set; } = [];

    /// <summary>Why each ticked persona would use it, keyed by persona slug.</summary>
    public Dictionary<string, string?> PersonaWhy { get; set; } = [];

    /// <summary>"yes" when the moderator records that they reviewed the tool now (editing alone is not a review).</summary>
    public string? Reviewed { get; set; }

    public bool MarksReviewed => Reviewed == "yes";

    /// <summary>"preview" re-shows the form with the description rendered; anything else saves.</summary>
    public string? Action { get; set; }

    public bool IsPreview => Action == "preview";

    public static ToolForm From(Tool tool) => new()
    {
        Name = tool.Name,
        Slug = tool.Slug,
        Url = tool.Url,
        Summary = tool.Summary,
        Description = tool.Description,
        Kind = ToolTerms.Slug(tool.Kind),
        Cost = ToolTerms.Slug(tool.Cost),
        Open = ToolTerms.OpenSlug(tool.IsOpen),
        Publisher = tool.Publisher,
        Skills = tool.Skills.Select(s => s.Skill.Slug).ToList(),
        Personas = tool.Personas.Select(p => p.Persona.Slug).ToList(),
        PersonaWhy = tool.Personas.ToDictionary(p => p.Persona.Slug, p => (string?)p.Why),
    };

    public static bool? IsOpenFrom(string? slug) => ToolTerms.Openness.FirstOrDefault(o => o.Slug == slug).IsOpen;
}

public class ToolFormValidator : AbstractValidator<ToolForm>
{
    public ToolFormValidator(ISet<string> personaSlugs, ISet<string> skillSlugs, Func<string, bool> slugIsTaken)
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Enter the tool's name")
            .MaximumLength(FieldLengths.Name).WithMessage($"Name must be {FieldLengths.Name} characters or fewer")
            .NoControlCharacters("Name");
        RuleFor(f => f.Slug).NotEmpty().WithMessage("Enter the tool's address in the catalogue")
            .MaximumLength(FieldLengths.Slug).WithMessage($"Address must be {FieldLengths.Slug} characters or fewer")
            .Must(s => s is null || Slugs.IsValid(s)).WithMessage("Address must use only lowercase letters, numbers and single hyphens, like data-ethics-canvas")
            .Must(s => s is null || !slugIsTaken(s)).WithMessage("Another tool already uses this address; choose a different one");
        RuleFor(f => f.Url).NotEmpty().WithMessage("Enter the tool's web address")
            .MaximumLength(FieldLengths.Url).WithMessage($"Web address must be {FieldLengths.Url} characters or fewer")
            .WebAddress("Enter a web address starting with http:// or https://");
        RuleFor(f => f.Summary).NotEmpty().WithMessage("Enter a one-line summary")
            .MaximumLength(FieldLengths.Summary).WithMessage($"Summary must be {FieldLengths.Summary} characters or fewer")
            .NoControlCharacters("Summary");
        RuleFor(f => f.Description).NotEmpty().WithMessage("Enter a description")
            .MaximumLength(FieldLengths.Markdown).WithMessage($"Description must be {FieldLengths.Markdown} characters or fewer")
            .NoControlCharacters("Description");
        RuleFor(f => f.Kind).Must(k => ToolTerms.KindFromSlug(k) is not null).WithMessage("Select what kind of tool it is");
        RuleFor(f => f.Cost).Must(c => ToolTerms.CostFromSlug(c) is not null).WithMessage("Select how much the tool costs");
        RuleFor(f => f.Open).Must(o => ToolTerms.Openness.Any(t => t.Slug == o)).WithMessage("Select whether the tool is open source or openly licensed, or that it is not known");
        RuleFor(f => f.Reviewed).Must(r => r is null or "yes").WithMessage("Tick the box only to record a review");
        RuleFor(f => f.Publisher).MaximumLength(FieldLengths.Publisher).WithMessage($"Publisher must be {FieldLengths.Publisher} characters or fewer")
            .NoControlCharacters("Publisher");
        RuleFor(f => f.Skills).Must(s => s.All(skillSlugs.Contains)).WithMessage("Select skills from the list");
        RuleFor(f => f.Personas).NotEmpty().WithMessage("Select at least one persona the tool helps")
            .Must(p => p.All(personaSlugs.Contains)).WithMessage("Select personas from the list");
        // The field is named after the persona (PersonaWhy[sara]), not the list position, so the error summary links to its box.
        RuleForEach(f => f.Personas).Custom((slug, context) =>
        {
            var why = context.InstanceToValidate.PersonaWhy.GetValueOrDefault(slug);
            var field = $"PersonaWhy[{slug}]";
            if (string.IsNullOrWhiteSpace(why))
            {
                context.AddFailure(new ValidationFailure(field, $"Enter why {slug} would use this tool"));
            }
            else if (why.Length > FieldLengths.Why)
            {
                context.AddFailure(new ValidationFailure(field, $"Why {slug} would use it must be {FieldLengths.Why} characters or fewer"));
            }
            else if (why.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                context.AddFailure(new ValidationFailure(field, "Why must not contain hidden control characters"));
            }
        });
    }
}
