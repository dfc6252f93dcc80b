using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Feedback;

/// <summary>The "Where do you need more support?" form as posted. <see cref="Areas"/> holds skill area slugs.</summary>
public class SupportNeedForm : HoneypotForm
{
    public string? SupportNeeded { get; set; }
    public List<string?> Areas { get; set; } = [];
    public string? YourRole { get; set; }
    public string? Email { get; set; }

    /// <summary>The binder turns an empty value into null; a repeated box counts once.</summary>
    [BindNever]
    public IReadOnlyList<string> TickedAreas => Areas.OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    public void NormaliseLineBreaks() => SupportNeeded = FeedbackRules.NormaliseLineBreaks(SupportNeeded);

    /// <summary>The feedback to store, with the ids of the ticked areas; call only once the form is valid.</summary>
    public SupportNeedFeedback ToFeedback(IReadOnlyDictionary<string, int> areaIds, DateTime now) => new()
    {
        SupportNeeded = SupportNeeded!,
        Areas = TickedAreas.Select(slug => new SupportNeedArea { SkillAreaId = areaIds[slug] }).ToList(),
        GiverRole = FeedbackTerms.Roles.FromSlug(YourRole),
        Email = Email,
        CreatedAt = now,
    };
}

/// <summary>The rules in the order the questions appear, so the error summary follows the page.</summary>
public class SupportNeedFormValidator : AbstractValidator<SupportNeedForm>
{
    public SupportNeedFormValidator(IReadOnlySet<string> areaSlugs)
    {
        RuleFor(f => f.SupportNeeded).RequiredComment("Enter where you need more support", "Where you need more support");
        RuleFor(f => f.TickedAreas).Must(areas => areas.All(areaSlugs.Contains))
            .WithMessage("Select skill areas from the list").OverridePropertyName(nameof(SupportNeedForm.Areas));
        RuleFor(f => f.YourRole).OneOf(FeedbackTerms.Roles, "Select your role from the list");
        RuleFor(f => f.Email).OptionalEmail();
    }
}
