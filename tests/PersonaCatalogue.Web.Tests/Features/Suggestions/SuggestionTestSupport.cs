using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Suggestions;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Suggestions;

/// <summary>
/// The app with the public form limit raised: every TestServer client shares one rate-limit partition, and a
/// test class posts far more than the default 10 a minute.
/// </summary>
public class SuggestionAppFactory : CatalogueAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:public-forms:PermitLimit"] = "10000",
    };
}

/// <summary>The suggest-a-tool form's answers, as a browser posts them: a key repeats for each ticked box.</summary>
public static class SuggestionAnswers
{
    public const string FormUrl = "/suggest-a-tool";

    /// <summary>A complete, valid suggestion; <paramref name="toolName"/> lets a test find its own row.</summary>
    public static List<KeyValuePair<string, string>> Valid(string? toolName = null) =>
    [
        new("ToolName", toolName ?? UniqueName()),
        new("Url", "https://www.example.org/open-tool/"),
        new("WhatItDoes", "Turns spreadsheets into open data.\nChecks them against a schema first."),
        new("Personas", "sara"),
        new("Personas", "ida"),
        new("Skills", "cleaning-data"),
        new("Skills", "standardising-data"),
        new("Cost", "freemium"),
        new("SuggesterName", "Sam Jones"),
        new("SuggesterEmail", "sam@example.org"),
        new("SuggesterOrganisation", "Devon County Council"),
    ];

    public static string UniqueName() => "Tool " + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The answers with <paramref name="key"/> replaced by <paramref name="values"/> (none removes it).</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> answers, string key, params string[] values) =>
        [.. answers.Where(a => a.Key != key), .. values.Select(v => new KeyValuePair<string, string>(key, v))];

    public static string Value(this List<KeyValuePair<string, string>> answers, string key) => answers.First(a => a.Key == key).Value;

    public static async Task<ToolSuggestion?> FindAsync(CatalogueAppFactory app, string toolName)
    {
        await using var db = app.CreateDbContext();
        return await db.ToolSuggestions.AsNoTracking().SingleOrDefaultAsync(s => s.ToolName == toolName, TestContext.Current.CancellationToken);
    }

    /// <summary>A suggestion stored directly, for status page tests.</summary>
    public static async Task<ToolSuggestion> CreateAsync(
        CatalogueAppFactory app, SuggestionStatus status = SuggestionStatus.Submitted, string? whatItDoes = null,
        string? reason = null, string? toolSlug = null, string? toolName = null)
    {
        await using var db = app.CreateDbContext();
        var suggestion = new ToolSuggestion
        {
            Reference = SuggestionCodes.NewReference(),
            StatusToken = SuggestionCodes.NewStatusToken(),
            ToolName = toolName ?? UniqueName(),
            Url = "https://example.org/tool",
            NormalisedUrl = UrlNormaliser.Normalise("https://example.org/tool"),
            WhatItDoes = whatItDoes ?? "Helps people publish open data.",
            PersonaSlugs = ["sara"],
            Status = status,
            Reason = reason,
            ToolId = toolSlug is null ? null : await db.Tools.Where(t => t.Slug == toolSlug).Select(t => (int?)t.Id).SingleAsync(TestContext.Current.CancellationToken),
            CreatedAt = DateTime.UtcNow,
        };
        db.ToolSuggestions.Add(suggestion);
        await SuggestionCodes.SaveAsync(db, suggestion, TestContext.Current.CancellationToken);
        return suggestion;
    }
}
