using System.Globalization;
using FluentValidation;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Feedback;

/// <summary>
/// The rules every public feedback form shares (free-text comments, your role, consent, email), so each kind of
/// feedback validates these answers the same way and with the same messages.
/// </summary>
public static class FeedbackRules
{
    /// <summary>An optional answer to pick from <paramref name="terms"/>: empty, or one of their slugs.</summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T, TValue>(this IRuleBuilder<T, string?> rule, IReadOnlyList<Term<TValue>> terms, string message)
        where TValue : struct, Enum =>
        rule.Must(value => value is null || terms.FromSlug(value) is not null).WithMessage(message);

    /// <summary>A required answer to pick from <paramref name="terms"/>.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredOneOf<T, TValue>(this IRuleBuilder<T, string?> rule, IReadOnlyList<Term<TValue>> terms, string message)
        where TValue : struct, Enum =>
        rule.Must(value => terms.FromSlug(value) is not null).WithMessage(message);

    /// <summary>Optional free text of at most 2,000 characters without hidden control characters.</summary>
    public static IRuleBuilderOptions<T, string?> Comment<T>(this IRuleBuilder<T, string?> rule, string fieldDescription) =>
        rule.MaximumLength(FieldLengths.LongText).WithMessage($"{fieldDescription} must be {FieldLengths.LongText.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer")
            .NoControlCharacters(fieldDescription);

    /// <summary>Required free text of at most 2,000 characters without hidden control characters.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredComment<T>(this IRuleBuilder<T, string?> rule, string missingMessage, string fieldDescription) =>
        rule.NotEmpty().WithMessage(missingMessage).Comment(fieldDescription);

    /// <summary>"yes", "no" or not answered (which means no).</summary>
    public static IRuleBuilderOptions<T, string?> YesOrNo<T>(this IRuleBuilder<T, string?> rule, string message) =>
        rule.Must(value => value is null or "yes" or "no").WithMessage(message);

    /// <summary>A required "yes" or "no".</summary>
    public static IRuleBuilderOptions<T, string?> RequiredYesOrNo<T>(this IRuleBuilder<T, string?> rule, string message) =>
        rule.Must(value => value is "yes" or "no").WithMessage(message);

    /// <summary>An optional email address in a plausible format.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(FieldLengths.Email).WithMessage($"Email address must be {FieldLengths.Email} characters or fewer")
            .Must(value => value is null || IsPlausibleEmail(value)).WithMessage("Enter an email address in the correct format, like name@example.com");

    /// <summary>Something@something.something, with no spaces or control characters: enough to catch typing mistakes.</summary>
    public static bool IsPlausibleEmail(string value)
    {
        var at = value.LastIndexOf('@');
        return at > 0
            && at < value.Length - 1
            && value.IndexOf('.', at) > at + 1
            && !value.EndsWith('.')
            && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
    }

    /// <summary>Browsers send line breaks in text areas as CR LF; stored and counted as one LF, 2,000 characters are what people see.</summary>
    public static string? NormaliseLineBreaks(string? text) => text?.ReplaceLineEndings("\n");
}
