using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Suggestions;

namespace PersonaCatalogue.Web.Tests.Features.Suggestions;

/// <summary>A suggestion saved under a reference another suggestion already has.</summary>
public class SuggestionCodesSaveTests(SuggestionAppFactory app) : IClassFixture<SuggestionAppFactory>
{
    [Fact]
    public async Task SaveAsync_ReferenceAlreadyTaken_SavesWithAFreshOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var taken = await SuggestionAnswers.CreateAsync(app);
        var fresh = SuggestionCodes.NewReference();
        var offered = new Queue<string>([taken.Reference, fresh]);

        await using var db = app.CreateDbContext();
        var suggestion = NewSuggestion(taken.Reference);
        db.ToolSuggestions.Add(suggestion);
        await SuggestionCodes.SaveAsync(db, suggestion, ct, offered.Dequeue);

        await using var check = app.CreateDbContext();
        var stored = await check.ToolSuggestions.SingleAsync(s => s.ToolName == suggestion.ToolName, ct);
        Assert.Equal(fresh, stored.Reference);
        Assert.Equal(suggestion.StatusToken, stored.StatusToken);
    }

    [Fact]
    public async Task SaveAsync_ReferencesAlwaysTaken_GivesUpAfterAFewAttempts()
    {
        var taken = await SuggestionAnswers.CreateAsync(app);

        await using var db = app.CreateDbContext();
        var suggestion = NewSuggestion(taken.Reference);
        db.ToolSuggestions.Add(suggestion);
        var attempts = 1;

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            SuggestionCodes.SaveAsync(db, suggestion, TestContext.Current.CancellationToken, () => { attempts++; return taken.Reference; }));
        Assert.Equal(SuggestionCodes.MaxSaveAttempts, attempts);
    }

    private static ToolSuggestion NewSuggestion(string reference) => new()
    {
        Reference = reference,
        StatusToken = SuggestionCodes.NewStatusToken(),
        ToolName = SuggestionAnswers.UniqueName(),
        Url = "https://example.org/",
        NormalisedUrl = UrlNormaliser.Normalise("https://example.org/"),
        WhatItDoes = "Something useful with data.",
        CreatedAt = DateTime.UtcNow,
    };
}
