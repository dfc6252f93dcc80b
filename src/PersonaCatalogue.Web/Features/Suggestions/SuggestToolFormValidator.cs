using System.Globalization;
using FluentValidation;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Suggestions;

/// <summary>
/// The suggest-a-tool form's rules. Built per request with the persona and skill slugs from the database, so a
/// tampered box value is an error the suggester can see rather than a failure.
/// </summary>
public class SuggestToolFormValidator : AbstractValidator<SuggestToolForm>
{
    public SuggestToolFormValidator(IReadOnlySet<string> personaSlugs, IReadOnlySet<string> skillSlugs)
    {
        // One message per field: the first rule that fails.
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(f => f.ToolName)
            .NotEmpty().WithMessage("Enter the tool's name")
            .NoControlCharacters("Tool name")
            .MinimumLength(FieldLengths.SuggestionToolNameMin).WithMessage($"Tool name must be {Count(FieldLengths.SuggestionToolNameMin)} characters or more")
            .MaximumLength(FieldLengths.Name).WithMessage($"Tool name must be {Count(FieldLengths.Name)} characters or fewer");

        RuleFor(f => f.Url)
            .NotEmpty().WithMessage("Enter the tool's web address")
            .NoControlCharacters("Web address")
            .MaximumLength(FieldLengths.Url).WithMessage($"Web address must be {Count(FieldLengths.Url)} characters or fewer")
            .WebAddress("Enter a web address starting with http:// or https://");

        RuleFor(f => f.WhatItDoes)
            .NotEmpty().WithMessage("Enter what the tool does")
            .NoControlCharacters("What it does")
            .MinimumLength(FieldLengths.SuggestionWhatItDoesMin).WithMessage($"What it does must be {Count(FieldLengths.SuggestionWhatItDoesMin)} characters or more")
            .MaximumLength(FieldLengths.LongText).WithMessage($"What it does must be {Count(FieldLengths.LongText)} characters or fewer");

        RuleFor(f => f.TickedPersonas)
            .NotEmpty().WithMessage("Select who the tool helps")
            .Must(ticked => ticked.All(value => value == SuggestToolForm.SomeoneElseValue || personaSlugs.Contains(value)))
            .WithMessage("Select who the tool helps from the list")
            .OverridePropertyName(nameof(SuggestToolForm.Personas));

        RuleFor(f => f.SomeoneElse)
            .NotEmpty().When(f => f.SomeoneElseTicked).WithMessage("Enter who else the tool helps")
            .NoControlCharacters("Who else it helps")
            .MaximumLength(FieldLengths.LongText).WithMessage($"Who else it helps must be {Count(FieldLengths.LongText)} characters or fewer");

        RuleFor(f => f.TickedSkills)
            .Must(ticked => ticked.All(skillSlugs.Contains))
            .WithMessage("Select the skills it supports from the list")
            .OverridePropertyName(nameof(SuggestToolForm.Skills));

        RuleFor(f => f.Cost)
            .Must(cost => cost == SuggestToolForm.NotSureCost || ToolTerms.CostFromSlug(cost) is not null)
            .WithMessage("Select how much the tool costs");

        RuleFor(f => f.SuggesterName)
            .NoControlCharacters("Your name")
            .MaximumLength(FieldLengths.PersonName).WithMessage($"Your name must be {Count(FieldLengths.PersonName)} characters or fewer");

        RuleFor(f => f.SuggesterEmail)
            .NoControlCharacters("Email address")
            .MaximumLength(FieldLengths.Email).WithMessage($"Email address must be {Count(FieldLengths.Email)} characters or fewer")
            .Must(BeAnEmailAddress).WithMessage("Enter an email address in the correct format, like name@example.com");

        RuleFor(f => f.SuggesterOrganisation)
            .NoControlCharacters("Your organisation")
            .MaximumLength(FieldLengths.Organisation).WithMessage($"Your organisation must be {Count(FieldLengths.Organisation)} characters or fewer");
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// Deliberately loose, as GOV.UK advises: something, an @, and a domain with a dot, with no spaces or control
    /// characters. Only a message we send can prove an address works.
    /// </summary>
    private static bool BeAnEmailAddress(string? email)
    {
        if (email is null)
        {
            return true;
        }

        var at = email.LastIndexOf('@');
        if (at <= 0 || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || email.IndexOf('@') != at)
        {
            return false;
        }

        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1 && !domain.Contains("..", StringComparison.Ordinal);
    }
}
