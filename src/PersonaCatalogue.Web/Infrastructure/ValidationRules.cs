using FluentValidation;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>FluentValidation rules shared by every form.</summary>
public static class ValidationRules
{
    /// <summary>Refuses control characters other than line breaks and tabs: they are invisible and can break exports.</summary>
    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule, string fieldDescription) =>
        rule.Must(value => value is null || !value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            .WithMessage($"{fieldDescription} must not contain hidden control characters");

    /// <summary>An absolute http or https address.</summary>
    public static IRuleBuilderOptions<T, string?> WebAddress<T>(this IRuleBuilder<T, string?> rule, string message) =>
        rule.Must(value => value is null
                || (Uri.TryCreate(value, UriKind.Absolute, out var uri)
                    && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                    && !string.IsNullOrEmpty(uri.Host)))
            .WithMessage(message);
}
